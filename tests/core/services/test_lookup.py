"""The lookup of typed text: the candidate, staff member, room or session a clerk means, or
an error that says why not (with a code and fields that each face words)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from examdesk.model import Candidate, ExamSession, Room, SeatAssignment, Staff, TestCenter
from examdesk.search import SearchIndex, readings
from examdesk.services import lookup
from examdesk.services.exams import resolve_exam


@pytest.fixture
def read(demo_db):
    with demo_db.begin() as session:
        yield session, resolve_exam(session)


def seated(session, name: str | None = None):
    query = (select(Candidate.id, Candidate.name, Candidate.id_number, Candidate.registration_no,
                    SeatAssignment.ticket_no).join(SeatAssignment).order_by(Candidate.id))
    if name is not None:
        query = query.where(Candidate.name == name)
    return session.execute(query).first()


def test_a_candidate_is_found_by_each_of_their_numbers_and_their_name(read):
    session, exam = read
    alone = session.scalar(select(Candidate.name).group_by(Candidate.name)
                           .having(func.count() == 1).order_by(Candidate.name).limit(1))
    someone = seated(session, alone)
    for typed in (someone.id_number, someone.registration_no, someone.ticket_no,
                  f"  {someone.registration_no} ", someone.id_number.lower()):
        found = lookup.find_candidate(session, exam, typed)
        assert found.exact and [m.id for m in found.found] == [someone.id], typed
    match = lookup.find_candidate(session, exam, someone.ticket_no).one()
    # enough of the row to tell the candidate from another one
    assert (match.name, match.registration_no, match.ticket_no) == (
        someone.name, someone.registration_no, someone.ticket_no)
    assert match.label == f"{someone.registration_no} {someone.name}"
    assert match.center and match.room and match.seat_no > 0 and not match.withdrawn
    assert lookup.find_candidate(session, exam, alone).one().id == someone.id


def test_an_exact_name_wins_over_the_names_that_contain_it(read):
    session, exam = read
    # 韩芳 and 韩芳雪 are both candidates of the demo
    found = lookup.find_candidate(session, exam, "韩芳")
    assert found.exact and {m.name for m in found.found} == {"韩芳"}
    assert {m.name for m in lookup.find_candidate(session, exam, "芳雪").found} >= {"韩芳雪"}


def test_pinyin_initials_find_a_name_by_search(read):
    session, exam = read
    someone = seated(session)
    initials = "".join(readings(c)[0][0] for c in someone.name)
    found = lookup.find_candidate(session, exam, initials)
    assert not found.exact and someone.id in {m.id for m in found.found}
    assert all(len(m.name) >= len(someone.name) for m in found.found)


def test_a_table_s_own_index_is_searched_when_given(read):
    session, exam = read
    someone = seated(session)
    index = SearchIndex([(someone.id, someone.name, ())])  # what a filtered table holds
    initials = "".join(readings(c)[0][0] for c in someone.name)
    found = lookup.find_candidate(session, exam, initials, index=index)
    assert [m.id for m in found.found] == [someone.id] and not found.exact
    # an exact number is still looked up in the database
    assert lookup.find_candidate(session, exam, someone.ticket_no, index=SearchIndex([])).exact


def test_two_people_of_one_name_are_ambiguous_and_listed(read):
    session, exam = read
    with pytest.raises(lookup.Ambiguous) as raised:
        lookup.find_candidate(session, exam, "万军").one()
    error = raised.value
    assert error.code == "candidate-ambiguous" and error.exit_status == 2
    assert len(error.fields["ids"]) == 2 and all("万军" in label for label in
                                                 error.fields["labels"])
    assert error.fields["text"] == "万军" and error.fields["exam"] == exam.code
    assert "2 candidates" in str(error) and "万军" in str(error)


def test_a_number_is_never_matched_by_part(read):
    session, exam = read
    someone = seated(session)
    for typed in (someone.registration_no[:-1], "4116", "1"):
        found = lookup.find_candidate(session, exam, typed)
        assert found.found == () and found.exact
        with pytest.raises(lookup.NotFound) as raised:
            found.one()
        assert raised.value.code == "candidate-not-found"
        assert raised.value.fields["text"] == typed
        assert str(raised.value) == (f"No candidate of exam {exam.code} has the ID or "
                                     f"registration number {typed}.")


def test_a_staff_member_is_found_by_id_number_phone_or_name(read):
    session, exam = read
    person = session.execute(select(Staff.id, Staff.name, Staff.id_number, Staff.phone)
                             .where(Staff.phone != "").order_by(Staff.id)).first()
    for typed in (person.id_number, person.phone):
        assert lookup.find_staff(session, exam, typed).one().id == person.id
    by_name = lookup.find_staff(session, exam, person.name)
    assert by_name.exact and person.id in {m.id for m in by_name.found}
    assert by_name.found[0].label.startswith(person.name)
    with pytest.raises(lookup.NotFound) as raised:
        lookup.find_staff(session, exam, "110101190001011237").one()
    assert raised.value.code == "staff-not-found"
    assert "has the ID number 110101190001011237" in str(raised.value)


def test_a_room_is_found_by_its_code_with_or_without_its_center(read):
    session, exam = read
    room_id, center, code = session.execute(
        select(Room.id, TestCenter.code, Room.code).join(TestCenter).order_by(Room.id)).first()
    for typed in (code, f"{center}/{code}", f" {code} "):
        match = lookup.find_room(session, exam, typed).one()
        assert (match.id, match.label) == (room_id, f"{center}/{code}")
    assert lookup.find_room(session, exam, f"99/{code}").found == ()
    other = session.scalar(select(TestCenter.id).where(TestCenter.code != center))
    assert lookup.find_room(session, exam, code, center_id=other).found == ()
    with pytest.raises(lookup.NotFound) as raised:
        lookup.find_room(session, exam, "09009").one()
    assert raised.value.code == "room-not-found" and raised.value.fields["text"] == "09009"
    assert "examdesk" not in str(raised.value)


def test_a_session_is_found_by_code_in_any_case_or_by_name(read):
    session, exam = read
    wanted, name = session.execute(select(ExamSession.id, ExamSession.name)
                                   .where(ExamSession.code == "S2")).one()
    for typed in ("S2", "s2", name):
        assert lookup.find_session(session, exam, typed).one().id == wanted
    with pytest.raises(lookup.NotFound) as raised:
        lookup.find_session(session, exam, "S9").one()
    assert raised.value.code == "session-not-found"
    assert raised.value.fields["known"] == ("S1", "S2", "S3", "S4")
    assert str(raised.value).endswith("its sessions are S1, S2, S3, S4.")


def test_a_center_is_found_by_code_or_name(read):
    session, exam = read
    assert lookup.find_center(session, exam, "02").one().name == "周口职业技术学院"
    assert lookup.find_center(session, exam, "周口职业技术学院").one().code == "02"
    with pytest.raises(lookup.NotFound) as raised:
        lookup.find_center(session, exam, "07").one()
    assert raised.value.code == "center-not-found" and "01, 02, 03" in str(raised.value)
