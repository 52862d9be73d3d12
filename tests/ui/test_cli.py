"""The `examdesk` command line: names, options, JSON keys and exit codes are a contract."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from sqlalchemy import create_engine, text

from examdesk import __version__
from ui.cli import run
from ui.cli.language import command_language

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


def test_a_database_folder_that_cannot_be_made_is_bad_input_not_an_internal_error(
        capsys, tmp_path):
    # a folder on a drive that is not there: here, below a file, which no folder can be
    blocker = tmp_path / "Z-drive"
    blocker.write_text("not a folder")
    status, _, err = examdesk(capsys, "--db", f"sqlite:///{blocker}/exams/2023.db", "stats")
    assert status == 2 and err.count("\n") == 1
    assert f"The folder {blocker / 'exams'} for the database 2023.db cannot be created" in err
    assert "internal error" not in err


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
    # not in English, nor in Chinese: the catalog is read without Qt
    for language in ("en", "zh_CN"):
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                timeout=120, check=True,
                                env={**os.environ, "EXAMDESK_LANG": language})
        assert result.stdout.strip().splitlines()[-1] == "[]", language


def test_without_a_command_the_launcher_opens_the_window_and_the_cli_asks_for_one(
        capsys, monkeypatch, db_url):
    from ui import launch

    opened = []
    monkeypatch.setattr(launch, "open_window", lambda url: opened.append(url) or 0)
    with pytest.raises(SystemExit) as exit_info:
        monkeypatch.setattr(sys, "argv", ["examdesk", "--db", db_url])
        launch.main()
    assert exit_info.value.code == 0 and opened == [db_url]
    status, _, err = examdesk(capsys, "--db", db_url)  # the command line alone
    assert status == 2 and "name a command" in err


@pytest.mark.parametrize(("environment", "language"), [
    ({"LANG": "zh_CN.UTF-8"}, "zh_CN"),
    ({"LANG": "zh_TW.UTF-8"}, "zh_CN"),  # the one Chinese catalog there is
    ({"LANG": "en_US.UTF-8"}, "en"),
    ({"LC_ALL": "C", "LANG": "zh_CN.UTF-8"}, "en"),  # LC_ALL decides, as for the C library
    ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh_CN"),
    ({"EXAMDESK_LANG": "en", "LANG": "zh_CN.UTF-8"}, "en"),
    ({}, "en"),
])
def test_the_command_speaks_the_language_of_its_terminal(monkeypatch, environment, language):
    for variable in ("EXAMDESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    for variable, value in environment.items():
        monkeypatch.setenv(variable, value)
    monkeypatch.setattr(sys, "platform", "linux")
    assert command_language() == language


def test_a_chinese_terminal_gets_chinese_output_and_an_english_one_english(demo_url):
    env = {k: v for k, v in os.environ.items()
           if k not in ("EXAMDESK_LANG", "LC_ALL", "LC_MESSAGES", "LANG")}
    command = [sys.executable, "-c", "from ui.cli import main; main()", "--db", demo_url]
    chinese = subprocess.run([*command, "check"], capture_output=True, text=True, timeout=120,
                             check=False, env={**env, "LANG": "zh_CN.UTF-8"})
    assert chinese.returncode == 0 and "编排方案中有 0 个错误、0 个警告。" in chinese.stdout
    english = subprocess.run([*command, "check"], capture_output=True, text=True, timeout=120,
                             check=False, env={**env, "LANG": "en_US.UTF-8"})
    assert english.returncode == 0 and "0 errors, 0 warnings in the plan." in english.stdout
    refused = subprocess.run([*command, "seat", "swap", "1", "2"], capture_output=True,
                             text=True, timeout=120, check=False,
                             env={**env, "LANG": "zh_CN.UTF-8"})
    assert refused.returncode == 2 and "考生" in refused.stderr
    assert refused.stderr.count("\n") == 1
