"""The sheets declared once: the command line, the pack, the renderers and the print window's
choices all follow the declaration; why a sheet has nothing to print is a code with fields."""

from __future__ import annotations

import argparse

import pytest

from examdesk.db import open_database
from examdesk.services.exams import resolve_exam
from examdesk.services.printing import CenterChoice, print_choices
from reports import batch
from ui.cli import printing as cli_print
from ui.jobs.print_run import PrintRequest, center_parts, run_print
from ui.jobs.sheets import SHEETS, Nothing, NothingToPrint, Reason, sheet


def test_every_sheet_is_drawn_and_every_renderer_declared():
    declared = {spec.key for spec in SHEETS if not spec.contents}
    assert declared == set(batch.SHEETS)
    (pack,) = (spec for spec in SHEETS if spec.contents)
    assert set(pack.contents) <= declared
    assert len({spec.file_name for spec in SHEETS}) == len(SHEETS)


def test_the_command_offers_the_declared_sheets():
    parser = argparse.ArgumentParser()
    commands = parser.add_subparsers()
    cli_print.add_parsers(lambda name, help_text: commands.add_parser(name, help=help_text))
    (action,) = (a for a in commands.choices["print"]._actions if a.dest == "sheet")
    # the declared sheets, and one violation record (not a center's sheet)
    assert action.choices == [*(spec.key for spec in SHEETS), "violation"]
    # word for word the help it had when the sheets were listed by hand, and the doubtful list
    assert action.help == (
        "door (考场门贴), seating (座位表), desk (桌贴), signin (考生签到表), record "
        "(考场情况记录单), duty (监考安排表), cards (工作安排卡), posts (岗位值班表), draw "
        "(抽签结果), certificate (临时身份证明), doubtful (存疑考生情况表), summary "
        "(考点情况汇总表), notice (考生须知), "
        "violation (one violation record, with --id), or pack: every "
        "room's envelope then the center's staff sheets")


def test_the_pack_holds_the_envelopes_then_the_staff_sheets(demo_db):
    with demo_db.begin() as session:
        exam = resolve_exam(session)
    parts, name = center_parts(demo_db, exam, "pack", "01", None, None)
    assert name == "周口技师学院" and all(part.duplex for part in parts)
    rooms = [p for p in parts if p.cover is not None]
    assert len(rooms) == 40
    assert [kind for kind, _ in rooms[0].sheets] == ["door", "seating", "signin", "record"]
    staff = [kind for p in parts if p.cover is None for kind, _ in p.sheets]
    assert staff[-2:] == ["cards", "posts"] and set(staff[:-2]) == {"duty"}
    # one room's envelope only: no staff sheets
    one, _ = center_parts(demo_db, exam, "pack", "01", "01001", None)
    assert [p.label for p in one] == ["01/01001"]


@pytest.mark.parametrize(("key", "center", "only", "expected"), [
    ("draw", None, None, Nothing(Reason.NO_DRAW, "draw")),
    # the demo's center 01 seats only 初级 candidates, who sit nothing in S1
    ("signin", "01", "S1", Nothing(Reason.NOT_SAT_IN_SESSION, "signin", "S1")),
    ("duty", "01", "s1", Nothing(Reason.NOT_SAT_IN_SESSION, "duty", "S1")),
    ("draw", "01", "S1", Nothing(Reason.NO_DRAW, "draw")),
])
def test_nothing_to_print_is_a_reason_with_its_fields(demo_db, actor, tmp_path, key, center,
                                                       only, expected):
    with pytest.raises(NothingToPrint) as raised:
        run_print(demo_db, actor, PrintRequest(key, tmp_path, center=center, session=only))
    assert raised.value.nothing == expected and raised.value.code == expected.reason.value
    assert not list(tmp_path.glob("*.pdf"))


def test_the_print_choices_of_an_exam_not_yet_seated(own_exam_url):
    database = open_database(own_exam_url)
    try:
        with database.begin() as session:
            choices = print_choices(session, resolve_exam(session))
    finally:
        database.close()
    assert choices.centers and all(
        c.sessions == () and not c.rostered and c.drawn == () for c in choices.centers)
    assert sheet("pack").blocked(choices.centers[0], None) == Nothing(Reason.NOT_SEATED, "pack")
    assert sheet("summary").blocked(choices.centers[0], None) is None


@pytest.mark.parametrize(("key", "only", "expected"), [
    ("door", None, None),
    ("signin", "S2", None),
    ("signin", "S1", Nothing(Reason.NOT_SAT_IN_SESSION, "signin", "S1")),
    ("duty", "S1", Nothing(Reason.NOT_SAT_IN_SESSION, "duty", "S1")),
    ("pack", "S1", None),  # its door lists and seating charts still print
    ("draw", None, None),
    ("draw", "S2", None),
    ("draw", "S3", Nothing(Reason.NO_DRAW, "draw")),
    ("cards", None, None),
    ("posts", None, Nothing(Reason.NO_POSTS, "posts")),
    ("certificate", "S1", None),
])
def test_what_a_center_can_print_before_its_data_is_read(key, only, expected):
    center = CenterChoice("01", "周口技师学院", ("S2", "S3"), True, ("S2",), False)
    assert sheet(key).blocked(center, only) == expected


def test_before_the_roster_nobody_is_on_duty():
    center = CenterChoice("01", "周口技师学院", ("S2",))
    assert sheet("duty").blocked(center, None) == Nothing(Reason.NO_DUTIES, "duty")
    assert sheet("cards").blocked(center, "S2") == Nothing(Reason.NO_DUTIES, "cards")
