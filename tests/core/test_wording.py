"""The core's messages name no command of either face: the command line says which command to
run, a window offers its button (examdesk/errors.py)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# "examdesk roster", 'examdesk seat lock ...', or a flag such as --keep or --exam CODE
COMMAND = re.compile(r"\bexamdesk [a-z]|(?:^|[\s(“'\"])--[a-z]")


def messages(folder: str) -> list[tuple[str, int, str]]:
    """Every text given to translate() in the package: file, line, the text."""
    found = []
    for path in sorted((ROOT / folder).rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (isinstance(node, ast.Call) and getattr(node.func, "id", "") == "translate"
                    and len(node.args) == 2 and isinstance(node.args[1], ast.Constant)):
                found.append((str(path.relative_to(ROOT)), node.lineno, node.args[1].value))
    return found


def test_the_core_and_the_sheets_name_no_command_line_command() -> None:
    texts = messages("examdesk") + messages("reports")
    assert len(texts) > 500  # the core's whole catalog was read
    assert [f"{path}:{line}: {text}" for path, line, text in texts if COMMAND.search(text)] == []


def test_the_check_finds_a_command_where_one_is_named() -> None:
    assert COMMAND.search("make one with 'examdesk roster'.")
    assert COMMAND.search("choose one with --exam CODE.")
    assert COMMAND.search("allow staff from other centers (examdesk exam set --cross-center)")
    assert not COMMAND.search("allow staff from other centers")
    assert not COMMAND.search("{count} seats free in 01-03")
