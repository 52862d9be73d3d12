"""Excel and CSV in and out: reading messy workbooks, writing clean ones."""
