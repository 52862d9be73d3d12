"""Import in two steps: prepare reads and checks a file once and writes nothing; apply writes
what the user accepted, exactly what prepare said it would."""

from __future__ import annotations

from dataclasses import replace

import pytest
from openpyxl import Workbook
from sqlalchemy import func, select

from examdesk.errors import BadInput
from examdesk.exchange.headers import HeaderChoice, NoHeaderRow
from examdesk.exchange.sheets import sheet_names
from examdesk.model import AuditEvent, Candidate, CandidatePhoto, Room, TestCenter
from examdesk.progress import OperationCancelled
from examdesk.services.imports import Accept, FieldChange, PreparedOutdated
from examdesk.services.imports.candidates import CANDIDATES
from examdesk.services.imports.kinds import KINDS, import_kind
from examdesk.services.imports.photos import PHOTOS
from examdesk.services.imports.rooms import ROOMS
from tests.conftest import SAMPLES
from tests.core.exchange.helpers import (
    HEADER,
    MAN,
    OTHER_WOMAN,
    ROOM_HEADER,
    WOMAN,
    candidate,
    room,
    write_workbook,
)
from tests.core.services.test_import_photos import photo


def prepare(exam, path, kind=CANDIDATES, **options):
    with exam.db.begin() as session:
        return kind.prepare(session, exam.exam, path, **options)


def apply(exam, actor, prepared, kind=CANDIDATES, accept=Accept.ALL):
    with exam.db.write("import") as session:
        return kind.apply(session, actor, exam.exam, prepared, accept=accept)


def candidates(exam):
    with exam.db.begin() as session:
        return dict(session.execute(select(Candidate.id_number, Candidate.name)).all())


def imports_audited(exam):
    with exam.db.begin() as session:
        return session.scalar(select(func.count(AuditEvent.id))
                              .where(AuditEvent.action.like("import.%")))


def test_every_kind_is_declared_once_with_a_title(empty_exam):
    assert [k.key for k in KINDS] == ["rooms", "candidates", "staff", "seating", "posts",
                                      "photos"]
    assert all(k.title() and k.description() for k in KINDS)
    assert import_kind("photos") is PHOTOS and PHOTOS.folder
    with pytest.raises(BadInput, match="rooms, candidates"):
        import_kind("teachers")


def test_a_wizard_is_offered_the_visible_sheets(tmp_path):
    workbook = Workbook()
    workbook.active.title = "说明"
    workbook.create_sheet("报名信息")
    workbook.create_sheet("旧数据").sheet_state = "hidden"
    workbook.save(tmp_path / "w.xlsx")
    assert sheet_names(tmp_path / "w.xlsx") == ("说明", "报名信息")
    (tmp_path / "c.csv").write_text("姓名\n张三\n", encoding="utf-8")
    assert sheet_names(tmp_path / "c.csv") == ()
    with pytest.raises(BadInput, match="does not exist"):
        sheet_names(tmp_path / "gone.xlsx")


def test_prepare_reads_checks_and_writes_nothing(empty_exam):
    prepared = prepare(empty_exam, SAMPLES / "candidates-small.xlsx")
    assert (prepared.kind, prepared.rows, len(prepared.records)) == ("candidates", 300, 300)
    assert prepared.header is not None and prepared.header.header_row == 1
    assert prepared.header.columns["id_number"] == 4  # column E, as detected
    assert len(prepared.changes.added) == 300 and not prepared.changes.updated
    assert candidates(empty_exam) == {} and imports_audited(empty_exam) == 0
    # in a writing session too, prepare alone leaves the database as it was
    with empty_exam.db.write("import") as session:
        CANDIDATES.prepare(session, empty_exam.exam, SAMPLES / "candidates-small.xlsx")
    assert candidates(empty_exam) == {} and imports_audited(empty_exam) == 0


def test_checking_the_rows_reports_progress_and_can_be_cancelled(empty_exam):
    seen = []
    prepare(empty_exam, SAMPLES / "candidates-small.xlsx",
            progress=lambda done, total, message: seen.append((done, total, message)))
    assert (0, 300, "Checking the rows") in seen and (300, 300, "Checking the rows") in seen
    polls = []

    def cancelled():  # the second poll is the validator's, before its first row
        polls.append(1)
        return len(polls) == 2

    with pytest.raises(OperationCancelled):
        prepare(empty_exam, SAMPLES / "candidates-small.xlsx", cancelled=cancelled)
    assert len(polls) == 2


def test_apply_of_the_valid_rows_writes_exactly_those(empty_exam, actor, tmp_path):
    path = write_workbook(tmp_path / "d.xlsx", [
        HEADER, candidate(1, "张三", "男", MAN), candidate(2, "李四", "女", "411602197301221049"),
        candidate(3, "王五", "女", WOMAN, level="高级"), candidate(4, "赵六", "女", OTHER_WOMAN),
    ])
    prepared = prepare(empty_exam, path)
    assert prepared.refused_rows == (3, 4) and prepared.changes.added == (2, 5)
    # everything or nothing: with errors, nothing is written
    refused = apply(empty_exam, actor, prepared)
    assert not refused.written and refused.changes.added == ()
    assert candidates(empty_exam) == {} and imports_audited(empty_exam) == 0
    result = apply(empty_exam, actor, prepared, accept=Accept.VALID)
    assert result.written and result.changes == prepared.changes
    assert (result.added, result.refused_rows) == (2, (3, 4))
    assert candidates(empty_exam) == {MAN: "张三", OTHER_WOMAN: "赵六"}
    assert imports_audited(empty_exam) == 1


def test_a_header_override_maps_a_column_the_detection_missed(empty_exam, actor, tmp_path):
    header = list(HEADER)
    header[4] = "公民身份号码"  # no alias of the ID number
    path = write_workbook(tmp_path / "h.xlsx", [header, candidate(1, "张三", "男", MAN)])
    missed = prepare(empty_exam, path)
    assert missed.header is not None and "id_number" not in missed.header.columns
    assert [i.header for i in missed.header.ignored] == ["公民身份号码"]
    assert missed.records == () and missed.errors
    chosen = prepare(empty_exam, path, header=HeaderChoice(columns={"id_number": 4}))
    assert chosen.header is not None and chosen.header.columns["id_number"] == 4
    assert chosen.header.headers[4] == "公民身份号码" and chosen.header.ignored == ()
    assert chosen.errors == () and chosen.changes.added == (2,)
    apply(empty_exam, actor, chosen)
    assert candidates(empty_exam) == {MAN: "张三"}


def test_a_chosen_header_row_is_taken_and_a_blank_one_refused(empty_exam, tmp_path):
    path = write_workbook(tmp_path / "r.xlsx", [
        ["2023年社会工作者职业水平考试报名信息"], HEADER, candidate(1, "张三", "男", MAN)])
    prepared = prepare(empty_exam, path, header=HeaderChoice(row=2))
    assert prepared.header is not None and prepared.header.header_row == 2
    assert prepared.changes.added == (3,)
    with pytest.raises(BadInput, match="row 9"):
        prepare(empty_exam, path, header=HeaderChoice(row=9))
    with pytest.raises(BadInput, match="no field teacher"):
        prepare(empty_exam, path, header=HeaderChoice(columns={"teacher": 1}))


def test_a_sheet_without_a_known_header_is_read_with_the_users_columns(empty_exam, tmp_path):
    path = write_workbook(tmp_path / "n.xlsx", [
        [f"c{i}" for i in range(10)], candidate(1, "张三", "男", MAN)])
    with pytest.raises(NoHeaderRow) as raised:
        prepare(empty_exam, path)
    assert (raised.value.code, raised.value.sheet) == ("import.no-header-row", "报名信息")
    columns = {"name": 1, "gender": 2, "id_type": 3, "id_number": 4, "level": 5, "subjects": 6}
    prepared = prepare(empty_exam, path, header=HeaderChoice(row=1, columns=columns))
    assert prepared.header is not None and prepared.header.headers[4] == "c4"
    assert prepared.errors == () and prepared.changes.added == (2,)
    assert prepared.records[0].name == "张三" and prepared.records[0].id_number == MAN


def test_the_changes_reported_are_what_is_written(empty_exam, actor, tmp_path):
    apply(empty_exam, actor, prepare(empty_exam, write_workbook(tmp_path / "a.xlsx", [
        HEADER, candidate(1, "张三", "男", MAN), candidate(2, "李四", "女", WOMAN)])))
    prepared = prepare(empty_exam, write_workbook(tmp_path / "b.xlsx", [
        HEADER, candidate(1, "张叁", "男", MAN, phone="13800000000"),
        candidate(2, "李四", "女", WOMAN), candidate(3, "赵六", "女", OTHER_WOMAN)]))
    changes = prepared.changes
    assert (changes.added, changes.unchanged) == ((4,), (3,))
    (update,) = changes.updated
    assert update.row == 2 and update.fields == (
        FieldChange("name", "姓名", "张三", "张叁"),
        FieldChange("phone", "联系电话", "13103656812", "13800000000"),
    )
    result = apply(empty_exam, actor, prepared)
    assert result.changes == changes and (result.added, result.updated) == (1, 1)
    assert candidates(empty_exam) == {MAN: "张叁", WOMAN: "李四", OTHER_WOMAN: "赵六"}


def test_a_center_renamed_by_a_room_row_is_a_change_besides_the_rooms(empty_exam, actor,
                                                                        tmp_path):
    apply(empty_exam, actor, prepare(empty_exam, write_workbook(
        tmp_path / "a.xlsx", [ROOM_HEADER, room("001")]), ROOMS), ROOMS)
    prepared = prepare(empty_exam, write_workbook(
        tmp_path / "b.xlsx", [ROOM_HEADER, room("001", name="周口职业技术学院")]), ROOMS)
    assert prepared.changes.updated == () and prepared.changes.unchanged == (2,)
    (other,) = prepared.changes.other
    assert [(f.field, f.new) for f in other.fields] == [("center_name", "周口职业技术学院")]
    apply(empty_exam, actor, prepared, ROOMS)
    with empty_exam.db.begin() as session:
        assert session.scalars(select(TestCenter.name)).all() == ["周口职业技术学院"]
        assert session.scalar(select(func.count(Room.id))) == 1


def test_an_exam_changed_since_prepare_is_refused_and_nothing_written(empty_exam, actor,
                                                                        tmp_path):
    first = write_workbook(tmp_path / "a.xlsx", [HEADER, candidate(1, "张三", "男", MAN)])
    prepared = prepare(empty_exam, first)
    # another clerk imports the same candidate meanwhile: the row would now change nothing
    apply(empty_exam, actor, prepare(empty_exam, first))
    with pytest.raises(PreparedOutdated, match="check it again"):
        apply(empty_exam, actor, prepared)
    assert imports_audited(empty_exam) == 1
    # applied once, a prepared file cannot be applied twice
    again = prepare(empty_exam, write_workbook(
        tmp_path / "b.xlsx", [HEADER, candidate(2, "李四", "女", WOMAN)]))
    apply(empty_exam, actor, again)
    with pytest.raises(PreparedOutdated):
        apply(empty_exam, actor, again)
    assert candidates(empty_exam) == {MAN: "张三", WOMAN: "李四"}


def test_a_prepared_file_is_applied_only_to_its_exam(empty_exam, actor, tmp_path):
    prepared = prepare(empty_exam, write_workbook(
        tmp_path / "a.xlsx", [HEADER, candidate(1, "张三", "男", MAN)]))
    assert prepared.exam == empty_exam.exam
    other = replace(empty_exam.exam, id=empty_exam.exam.id + 1, code="OTHER")
    with empty_exam.db.write("import") as session, pytest.raises(ValueError, match="OTHER"):
        CANDIDATES.apply(session, actor, other, prepared)
    assert candidates(empty_exam) == {}


def test_photos_are_prepared_then_the_valid_ones_stored(empty_exam, actor, tmp_path):
    apply(empty_exam, actor, prepare(empty_exam, write_workbook(tmp_path / "c.xlsx", [
        HEADER, candidate(1, "张三", "男", MAN), candidate(2, "李四", "女", WOMAN)])))
    folder = tmp_path / "photos"
    photo(folder / f"{MAN}.jpg")
    photo(folder / "someone-else.jpg")
    prepared = prepare(empty_exam, folder, PHOTOS)
    assert [r.file for r in prepared.records] == [f"{MAN}.jpg"]
    assert prepared.changes.added == (1,) and len(prepared.errors) == 1
    assert prepared.missing == ("20234116000001 张三", "20234116000002 李四")
    with empty_exam.db.begin() as session:
        assert session.scalar(select(func.count(CandidatePhoto.candidate_id))) == 0
    result = apply(empty_exam, actor, prepared, PHOTOS, Accept.VALID)
    assert result.written and result.missing == ("20234116000002 李四",)
    with empty_exam.db.begin() as session:
        assert session.scalar(select(func.count(CandidatePhoto.candidate_id))) == 1
