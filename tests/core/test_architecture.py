"""The layering of docs/architecture.md is a failing check, not a convention."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_import_contracts_hold():
    lint = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True,
                            text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 8 kept, 0 broken." in result.stdout


def test_a_qt_import_in_the_core_breaks_the_contracts(tmp_path):
    """Prove the contracts bite: a copy of the tree with Qt in the core must fail."""
    copy = tmp_path / "tree"
    for package in ("examdesk", "reports", "ui"):
        shutil.copytree(ROOT / package, copy / package,
                        ignore=shutil.ignore_patterns("__pycache__"))
    (copy / "pyproject.toml").write_text((ROOT / "pyproject.toml").read_text())
    (copy / "examdesk" / "leak.py").write_text("from PySide6 import QtCore\n")
    lint = Path(sys.executable).with_name("lint-imports")
    env = {**os.environ, "PYTHONPATH": str(copy)}
    result = subprocess.run([str(lint), "--no-cache"], cwd=copy, capture_output=True,
                            text=True, timeout=300, check=False, env=env)
    assert result.returncode != 0
    assert "Qt is imported only in ui.window BROKEN" in result.stdout
