"""What the printed sheets show, as plain data: services fill it, reports/ draws it."""
