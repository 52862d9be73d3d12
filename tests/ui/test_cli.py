"""The `examdesk` command line: names, options, JSON keys and exit codes are a contract."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text

from examdesk import __version__
from ui.cli import run

STATS_KEYS = {
    "exams", "sessions", "centers", "rooms", "spare_rooms", "seats", "candidates",
    "seated_candidates", "staff", "duties", "posts", "certificates", "incidents",
}


def examdesk(capsys, *argv: str) -> tuple[int, str, str]:
    status = run(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        run(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"examdesk {__version__}"


def test_demo_then_stats_reports_the_reference_exam(capsys, db_url):
    status, out, _ = examdesk(capsys, "--db", db_url, "demo")
    assert status == 0 and "6,000 candidates" in out
    status, out, _ = examdesk(capsys, "--db", db_url, "stats", "--json")
    assert status == 0
    counts = json.loads(out)
    assert set(counts) == STATS_KEYS
    assert counts["centers"] == 5 and counts["rooms"] >= 200 and counts["candidates"] == 6000
    assert counts["sessions"] == 4 and counts["staff"] == 650


def test_db_may_follow_the_command(capsys, db_url):
    status, out, _ = examdesk(capsys, "stats", "--db", db_url)
    assert status == 0 and "candidates" in out


def test_db_from_the_environment(capsys, db_url, monkeypatch):
    monkeypatch.setenv("EXAMDESK_DB", db_url)
    assert examdesk(capsys, "demo")[0] == 0
    status, out, _ = examdesk(capsys, "stats", "--json")
    assert status == 0 and json.loads(out)["candidates"] == 6000


def test_init_creates_the_database(capsys, db_url):
    status, out, _ = examdesk(capsys, "--db", db_url, "init")
    assert status == 0 and "Database ready" in out
    assert json.loads(examdesk(capsys, "--db", db_url, "stats", "--json")[1])["exams"] == 0


def test_demo_twice_is_bad_input_unless_replaced_or_if_empty(capsys, db_url):
    assert examdesk(capsys, "--db", db_url, "demo")[0] == 0
    status, _, err = examdesk(capsys, "--db", db_url, "demo")
    assert status == 2 and err.count("\n") == 1 and "--replace" in err
    status, out, _ = examdesk(capsys, "--db", db_url, "demo", "--if-empty")
    assert status == 0 and "not loaded" in out
    assert examdesk(capsys, "--db", db_url, "demo", "--replace")[0] == 0
    assert json.loads(examdesk(capsys, "--db", db_url, "stats", "--json")[1])["exams"] == 1


@pytest.mark.parametrize(
    "argv",
    [
        ["frobnicate"],
        ["stats", "--no-such-option"],
        ["demo", "--scale", "many"],
        ["demo", "--replace", "--if-empty"],
    ],
)
def test_usage_errors_exit_2_with_one_line(capsys, argv):
    status, out, err = examdesk(capsys, *argv)
    assert status == 2
    assert out == "" and err.count("\n") == 1 and err.startswith("examdesk: ")


def test_bad_scale_exits_2(capsys, db_url):
    status, _, err = examdesk(capsys, "--db", db_url, "demo", "--scale", "40")
    assert status == 2 and "between 1 and 17" in err


def test_a_newer_database_exits_2_with_a_clear_line(capsys, db_url):
    assert examdesk(capsys, "--db", db_url, "init")[0] == 0
    engine = create_engine(db_url)
    with engine.begin() as connection:
        connection.execute(text("UPDATE alembic_version SET version_num = 'ffff'"))
    engine.dispose()
    status, _, err = examdesk(capsys, "--db", db_url, "stats")
    assert status == 2 and "newer ExamDesk" in err and err.count("\n") == 1


def test_the_installed_command_prints_no_traceback_for_bad_input(tmp_path):
    result = subprocess.run(
        [sys.executable, "-c", "from ui.cli import main; main()", "--db",
         "nosuchdriver://nowhere", "stats"],
        capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as exit_info:
        run(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for name in ("init", "demo", "stats", "--db", "--version"):
        assert name in out


def test_the_command_line_does_not_load_qt(db_url):
    code = (
        "import sys; from ui.cli import run; "
        f"status = run(['--db', {db_url!r}, 'init']); "
        "assert status == 0; "
        "print(sorted(m for m in sys.modules if m.startswith('PySide6')))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, check=True)
    assert result.stdout.strip().splitlines()[-1] == "[]"
