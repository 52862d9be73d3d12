"""What a center desk and a viewer read: a desk only its own center's candidates, rooms, staff,
duties and posts, through every read, export and print; another center asked for by name is
refused, not answered with an empty list; a viewer reads everyone with ID numbers and phones
masked and exports or prints nothing with personal data (issue 13)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook

from examdesk.enums import UserRole
from examdesk.errors import AccessDenied
from examdesk.services import duty_exports, exports, lookup
from examdesk.services.audit import Actor, Grant
from examdesk.services.exams import ExamRef, center_id, resolve_exam
from examdesk.services.photos import candidate_photo
from examdesk.services.plan_check import check_exam_plan, issue_center
from examdesk.services.printing_center import center_summaries, certificates
from examdesk.services.printing_staff import draw_results, duty_cards, duty_sheets, post_rosters
from examdesk.services.rows.candidates import candidate_rows
from examdesk.services.rows.duties import duty_rows
from examdesk.services.rows.kinds import ROW_KINDS
from examdesk.services.rows.posts import post_rows
from examdesk.services.rows.problems import problem_rows
from examdesk.services.rows.rooms import room_rows
from examdesk.services.rows.seating import seat_rows
from examdesk.services.rows.staff import staff_rows
from tests.reports.pdftools import text
from ui.jobs.print_run import PrintRequest, run_print


@pytest.fixture
def exam(demo_db) -> ExamRef:
    with demo_db.begin() as session:
        return resolve_exam(session)


@pytest.fixture
def centers(demo_db, exam) -> tuple[int, int]:
    with demo_db.begin() as session:
        first, second = center_id(session, exam, "01"), center_id(session, exam, "02")
    assert first is not None and second is not None
    return first, second


@pytest.fixture
def desk(exam, centers) -> Actor:
    return Actor("desk01", None, (Grant(UserRole.DESK, exam.id, centers[0]),))


@pytest.fixture
def viewer(exam) -> Actor:
    return Actor("viewer", None, (Grant(UserRole.VIEWER, exam.id),))


def test_a_desk_reads_only_its_own_centers_people_rooms_duties_and_posts(
        demo_db, exam, centers, desk) -> None:
    first = centers[0]
    with demo_db.begin() as session:
        everyone = candidate_rows(session, exam)
        mine = candidate_rows(session, exam, actor=desk)
        assert mine == candidate_rows(session, exam, center_id=first)
        assert mine and {r.center_code for r in mine} == {"01"}
        assert len(mine) < len(everyone)  # the others are there, not for this desk
        assert not any("*" in r.id_number for r in mine)  # its own, in full
        seats = seat_rows(session, exam, actor=desk)
        assert seats == seat_rows(session, exam, center_id=first)
        assert {r.center_code for r in seats} == {"01"}
        assert {r.center_code for r in room_rows(session, exam, actor=desk)} == {"01"}
        staff = staff_rows(session, exam, actor=desk)
        assert staff and {r.home_center_id for r in staff} == {first}
        duties = duty_rows(session, exam, actor=desk)
        assert duties and {r.center_id for r in duties} == {first}
        posts = post_rows(session, exam, actor=desk)
        assert posts and {r.center_id for r in posts} == {first}
        # the unrestricted read of a database without users is as before
        assert candidate_rows(session, exam, actor=Actor("clerk")) == everyone


@pytest.mark.parametrize("kind", ROW_KINDS, ids=lambda kind: kind.key)
def test_every_table_a_desk_reads_is_its_centers_and_another_is_refused(
        demo_db, exam, centers, desk, kind) -> None:
    with demo_db.begin() as session:
        rows = kind.read(session, exam, actor=desk)
        assert all(getattr(r, "center_id", getattr(r, "home_center_id", None)) == centers[0]
                   for r in rows)
        with pytest.raises(AccessDenied) as refused:
            kind.read(session, exam, center_id=centers[1], actor=desk)
    assert "desk01" in str(refused.value)


def test_a_desk_finds_its_candidates_and_is_refused_another_centers(demo_db, exam, centers,
                                                                    desk, chinese) -> None:
    with demo_db.begin() as session:
        mine = candidate_rows(session, exam, center_id=centers[0])[0]
        theirs = candidate_rows(session, exam, center_id=centers[1])[0]
        found = lookup.find_candidate(session, exam, mine.ticket_no, actor=desk).one()
        assert found.id == mine.candidate_id
        for key in (theirs.ticket_no, theirs.id_number):
            with pytest.raises(AccessDenied) as refused:
                lookup.find_candidate(session, exam, key, actor=desk)
            assert str(refused.value) == "用户 desk01 无权在考点 02 查看编排。"
        with pytest.raises(AccessDenied):
            candidate_photo(session, exam, theirs.candidate_id, actor=desk)
        # by name: only its own center's namesakes are searched
        assert all(m.center == "01" for m in lookup.find_candidate(
            session, exam, theirs.name[:1], actor=desk).found)


def test_a_viewer_reads_everyone_masked(demo_db, exam, viewer) -> None:
    with demo_db.begin() as session:
        everyone = candidate_rows(session, exam)
        seen = candidate_rows(session, exam, actor=viewer)
        assert [r.candidate_id for r in seen] == [r.candidate_id for r in everyone]
        for full, masked in zip(everyone, seen, strict=True):
            assert masked.id_number == full.id_number[:6] + "********" + full.id_number[-4:]
            assert masked.phone != full.phone or not full.phone
        staff = staff_rows(session, exam, actor=viewer)
        assert staff and all("*" in r.id_number for r in staff)
        assert all("*" in r.id_number for r in seat_rows(session, exam, actor=viewer))
        someone = everyone[0]
        assert candidate_photo(session, exam, someone.candidate_id, actor=viewer) is None


def _sheet_rows(path: Path) -> list[tuple[object, ...]]:
    book = load_workbook(path, read_only=True)
    try:
        return [tuple(row) for row in book.active.iter_rows(min_row=2, values_only=True)]
    finally:
        book.close()


# Exports and prints are audited (a short write of their own): they run on a copy of the
# demo, which other tests read as it was built.
def test_a_desk_exports_its_own_center_only(demo_copy, exam, centers, desk, tmp_path) -> None:
    with demo_copy.begin() as session:
        result = exports.export_candidates(session, desk, exam, tmp_path / "mine.xlsx")
        expected = candidate_rows(session, exam, center_id=centers[0])
    rows = _sheet_rows(result.path)
    assert len(rows) == len(expected) == result.rows
    assert {row[10] for row in rows} == {"01"}  # 考点编号
    assert {row[4] for row in rows} == {r.id_number for r in expected}
    with demo_copy.begin() as session:
        seating = exports.export_seating(session, desk, exam, tmp_path / "seats.xlsx")
        staff = exports.export_staff(session, desk, exam, tmp_path / "staff.xlsx")
        duties = duty_exports.export_duties(session, desk, exam, tmp_path / "duties.xlsx")
    assert {row[0] for row in _sheet_rows(seating.path)} == {"01"}
    assert staff.rows == len(_sheet_rows(staff.path)) > 0
    assert duties.rows > 0


@pytest.mark.parametrize("export", [exports.export_candidates, exports.export_seating,
                                    exports.export_rooms, exports.export_staff,
                                    duty_exports.export_duties, duty_exports.export_posts,
                                    duty_exports.export_supplies])
def test_a_desk_exports_nothing_of_another_center(demo_db, exam, desk, tmp_path,
                                                  export) -> None:
    with demo_db.begin() as session, pytest.raises(AccessDenied):
        export(session, desk, exam, tmp_path / "theirs.xlsx", center="02")
    assert not (tmp_path / "theirs.xlsx").exists()


@pytest.mark.parametrize("export", [exports.export_candidates, exports.export_seating,
                                    exports.export_staff, duty_exports.export_duties,
                                    duty_exports.export_posts])
def test_a_viewer_exports_no_personal_data(demo_db, exam, viewer, tmp_path, export) -> None:
    with demo_db.begin() as session, pytest.raises(AccessDenied):
        export(session, viewer, exam, tmp_path / "people.xlsx")
    assert not (tmp_path / "people.xlsx").exists()


def test_a_viewer_exports_the_rooms(demo_copy, exam, viewer, tmp_path) -> None:
    with demo_copy.begin() as session:
        result = exports.export_rooms(session, viewer, exam, tmp_path / "rooms.xlsx")
        assert result.rows == len(room_rows(session, exam))


@pytest.mark.slow
def test_a_desk_prints_its_own_centers_sign_in_sheets_only(demo_copy, exam, centers, desk,
                                                         tmp_path) -> None:
    with demo_copy.begin() as session:
        mine = candidate_rows(session, exam, center_id=centers[0])
        theirs = candidate_rows(session, exam, center_id=centers[1])
    written = run_print(demo_copy, desk, PrintRequest("signin", tmp_path))
    assert [w.path.name.split("-")[1] for w in written] == ["01"]
    printed = "".join(text(w.path) for w in written)
    assert mine[0].id_number in printed and mine[-1].ticket_no in printed
    assert not any(r.ticket_no in printed for r in theirs)
    with pytest.raises(AccessDenied):
        run_print(demo_copy, desk, PrintRequest("signin", tmp_path / "02", center="02"))
    assert not (tmp_path / "02").exists() or not list((tmp_path / "02").glob("*.pdf"))


def test_a_viewer_prints_the_public_door_lists_not_the_sign_in_sheets(demo_copy, viewer,
                                                                     tmp_path) -> None:
    with pytest.raises(AccessDenied):
        run_print(demo_copy, viewer, PrintRequest("signin", tmp_path, center="01"))
    written = run_print(demo_copy, viewer, PrintRequest("door", tmp_path, center="01"))
    assert [w.path.name.split("-")[1] for w in written] == ["01"]


def test_a_desk_checks_its_own_centers_plan(demo_db, exam, centers, desk) -> None:
    with demo_db.begin() as session:
        every = check_exam_plan(session, exam).issues
        mine = check_exam_plan(session, exam, actor=desk).issues
        rows = problem_rows(session, exam, actor=desk)
    assert list(mine) == [i for i in every if issue_center(i) == "01"]
    assert {r.center_id for r in rows} <= {centers[0]}
    assert len(rows) == len(mine)


@pytest.mark.parametrize("read", [certificates, center_summaries, duty_sheets, duty_cards,
                                  post_rosters, draw_results])
def test_the_center_sheets_data_is_a_desks_own_centers(demo_db, exam, desk, viewer,
                                                       read) -> None:
    with demo_db.begin() as session:
        mine = read(session, exam, actor=desk)
        assert {item.center_name for item in mine} <= {"周口技师学院"}
        assert mine == read(session, exam, center="01")
        with pytest.raises(AccessDenied):
            read(session, exam, center="02", actor=desk)
        if read is center_summaries:  # counts only: a viewer prints it
            assert len(read(session, exam, actor=viewer)) == len(read(session, exam))
        else:
            with pytest.raises(AccessDenied):
                read(session, exam, actor=viewer)
