"""The audit trail's words: every action recorded anywhere in ExamDesk has a label in the one
table the 审计 page and `export audit` name actions by (examdesk/services/rows/audit.py), and
a summary is written in the language of the process that records it."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest

from examdesk.i18n import translate
from examdesk.services.rows.audit import action_label, action_labels

ROOT = Path(__file__).resolve().parents[2]


@cache
def _tree(path: Path) -> ast.Module:
    """The file parsed once for every test here."""
    return ast.parse(path.read_text(encoding="utf-8"))


def _parents(tree: ast.AST) -> dict[ast.AST, ast.AST]:
    return {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}


def _function(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> ast.FunctionDef | None:
    while node in parents:
        node = parents[node]
        if isinstance(node, ast.FunctionDef):
            return node
    return None


def _argument(call: ast.Call, index: int, name: str) -> ast.expr | None:
    if index < len(call.args):
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == name), None)


def _is_call_to(node: ast.AST, name: str) -> bool:
    if not isinstance(node, ast.Call):
        return False
    called = node.func
    return (called.attr if isinstance(called, ast.Attribute)
            else getattr(called, "id", "")) == name


class _Module:
    """One source file: the actions its ``audit.record(...)`` calls can record."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.tree = _tree(path)
        self.parents = _parents(self.tree)

    def calls(self) -> Iterator[ast.Call]:
        for node in ast.walk(self.tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "record" and isinstance(node.func.value, ast.Name)
                    and node.func.value.id == "audit"):
                yield node

    def actions(self, node: ast.expr | None, depth: int = 0) -> set[str]:
        """The action strings ``node`` can hold: constants, either branch of ``a if c else
        b``, a local assigned so, or a parameter as this module's callers pass it; an
        f-string gives its constant start followed by ``*`` (``export.*``)."""
        where = f"{self.path.relative_to(ROOT)}:{getattr(node, 'lineno', '?')}"
        assert node is not None and depth < 5, f"no action found at {where}"
        if isinstance(node, ast.Constant) and isinstance(node.value, str):
            return {node.value}
        if isinstance(node, ast.IfExp):
            return self.actions(node.body, depth + 1) | self.actions(node.orelse, depth + 1)
        if isinstance(node, ast.JoinedStr):
            first = node.values[0]
            assert isinstance(first, ast.Constant), f"an f-string action at {where}"
            return {f"{first.value}*"}
        assert isinstance(node, ast.Name), f"an action the test cannot follow at {where}"
        function = _function(node, self.parents)
        assert function is not None, where
        assigned = [a.value for a in ast.walk(function) if isinstance(a, ast.Assign)
                    and any(isinstance(t, ast.Name) and t.id == node.id for t in a.targets)]
        if assigned:
            return set().union(*(self.actions(value, depth + 1) for value in assigned))
        names = [a.arg for a in function.args.args]
        assert node.id in names, f"{node.id} at {where}"
        index = names.index(node.id)
        passed = [_argument(call, index, node.id) for call in ast.walk(self.tree)
                  if _is_call_to(call, function.name)]
        assert passed, f"nobody calls {function.name} ({where})"
        return set().union(*(self.actions(value, depth + 1) for value in passed))


def _strings_passed(folder: Path, function: str, index: int, name: str) -> set[str]:
    """The string constants passed to ``function`` as its argument ``index`` (``name``)."""
    found: set[str] = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(_tree(path)):
            if _is_call_to(node, function):
                assert isinstance(node, ast.Call)
                value = _argument(node, index, name)
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    found.add(value.value)
    return found


def _import_keys() -> set[str]:
    """The importers' keys (``key="candidates"``): the ends of ``import.*`` actions."""
    keys: set[str] = set()
    for path in (ROOT / "examdesk" / "services" / "imports").glob("*.py"):
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.keyword) and node.arg == "key" and isinstance(
                    node.value, ast.Constant) and isinstance(node.value.value, str):
                keys.add(node.value.value)
    return keys


def recorded_actions() -> set[str]:
    """Every action ``audit.record`` is called with in examdesk/ and ui/, the f-string ones
    (``export.{what}``, ``import.{key}``) expanded to what their callers pass."""
    services = ROOT / "examdesk" / "services"
    expand = {
        "export.*": _strings_passed(services, "write_export", 4, "what")
        | _strings_passed(services, "ExportResult", 2, "what"),
        "import.*": _import_keys(),
    }
    found: set[str] = set()
    for path in sorted([*(ROOT / "examdesk").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]):
        module = _Module(path)
        for call in module.calls():
            for action in module.actions(_argument(call, 2, "action")):
                if action.endswith("*"):
                    assert expand.get(action), f"{action} recorded in {path}: expand it here"
                    found |= {action[:-1] + end for end in expand[action]}
                else:
                    found.add(action)
    return found


def test_every_action_recorded_anywhere_has_a_label() -> None:
    actions = recorded_actions()
    # the walk found the services' actions, its followed parameters and expanded f-strings
    assert {"attendance.mark", "posts.edit", "user-disable", "seat.swap", "export.tempids",
            "import.photos", "database.backup", "duties.unlock"} <= actions
    assert len(actions) > 70
    labels = action_labels()
    assert sorted(actions - labels.keys()) == []  # give each a label in action_labels()
    assert sorted(labels.keys() - actions) == []  # a label of an action never recorded
    assert len(set(labels.values())) == len(labels)  # two actions, one name: which is it?
    assert action_label("attendance.mark") == "Mark attendance"
    assert action_label("room.renumber") == "room.renumber"  # an older version's: its code


def test_labels_and_summaries_speak_the_language_of_the_process(chinese) -> None:
    assert action_label("attendance.mark") == "标记考勤"
    assert action_label("tempid.issue") == "开具临时身份证明"
    marked = translate("Audit", "Marked {count} candidates of room {room} in session {session}")
    assert (marked.format(count=3, room="01/01001", session="S2")
            == "考场 01/01001 场次 S2：标记 3 人")


@pytest.mark.parametrize("source", ["examdesk", "ui", "reports"])
def test_no_summary_is_an_untranslated_f_string(source: str) -> None:
    # a summary is what a reader of the trail sees: it goes through the catalog
    for path in (ROOT / source).rglob("*.py"):
        for node in ast.walk(_tree(path)):
            if isinstance(node, ast.keyword) and node.arg == "summary":
                assert not isinstance(node.value, ast.JoinedStr | ast.BinOp), (
                    f"{path.relative_to(ROOT)}:{node.value.lineno}")
                if isinstance(node.value, ast.Constant):
                    assert node.value.value == "", f"{path.relative_to(ROOT)}"
