"""The command line words the core's errors and fixes as it always has: the core gives a code,
fields and words naming no command; the command line puts its commands back, in English and
in Chinese alike."""

from __future__ import annotations

import pytest

from examdesk.errors import BadInput, PlanProblem
from examdesk.i18n import speak
from examdesk.planning import remedies
from examdesk.planning.plan import PlanIssue
from examdesk.services.lookup import Matches
from tests.core.planning.roster_cases import capped_day
from tests.core.planning.test_checks import SOCIAL, correct_plan, make_room, only
from ui.cli.wording import fix_text, issue_text, worded


@pytest.fixture(params=["en", "zh_CN"])
def spoken(request):
    yield speak(request.param)
    speak("en")


def day_short() -> PlanIssue:
    """A center short of invigilator-sessions over the day, under a cap of one session."""
    (day,) = [i for i in capped_day().make().issues if i.code == "roster-short"]
    return day


def test_a_roster_fix_names_the_settings_to_change(spoken) -> None:
    day = day_short()
    assert "examdesk" not in day.fix
    if spoken == "en":
        assert fix_text(day) == (
            "add 3 invigilators to test center 01, or allow 2 sessions per person (examdesk "
            "exam set --max-sessions 2), or allow staff from other centers (examdesk exam set "
            "--cross-center)")
    else:  # the catalog's wording of the whole fix as it was, commands and all
        assert fix_text(day).endswith(
            "或允许每人参加 2 个场次（examdesk exam set --max-sessions 2），"
            "或允许跨考点安排工作人员（examdesk exam set --cross-center）")
    assert issue_text(day).startswith(day.message) and issue_text(day).endswith(fix_text(day))


def test_unseated_candidates_are_seated_with_allocate_keep(spoken) -> None:
    case = correct_plan()
    case.unseat(3, 4)
    enough = only(case.check(), "unplaced")
    case = correct_plan()
    for i in range(8, 23):
        case.add(i, SOCIAL)
    case.change_room(3, locked=True)
    case.rooms.append(make_room(4, "02", "299", 2, spare=True))
    short = only(case.check(), "unplaced")
    if spoken == "en":
        assert fix_text(enough) == ("run examdesk allocate --keep to seat them: the exam has 10 "
                                    "free seats in rooms of that level or empty rooms")
        assert fix_text(short).startswith(
            "add a room of at least 12 seats (or mark a spare room as usable), then run "
            "examdesk allocate --keep: only 3 seats")
    else:
        assert fix_text(enough) == ("请运行 examdesk allocate --keep 为其编排座位：本次考试在该级别"
                                    "的考场和空考场中有 10 个空座位")
        assert fix_text(short).startswith(
            "请增设一个至少有 12 个座位的考场（或将备用考场设为可用），然后运行 examdesk allocate "
            "--keep：")


def test_a_post_fix_names_the_posts_command(spoken) -> None:
    staff, make = remedies.staff_posts(), remedies.make_posts("03")
    short = PlanIssue("post-short", "01 water", staff.text, remedies=(staff,))
    none = PlanIssue("post-none", "05", make.text, remedies=(make,))
    expected = {"en": ("staff the posts again (examdesk posts)",
                       "make its standard posts (examdesk posts init --center 03)"),
                "zh_CN": ("重新安排岗位人员（examdesk posts）",
                          "请建立其标准岗位（examdesk posts init --center 03）")}[spoken]
    assert (fix_text(short), fix_text(none)) == expected


def test_errors_are_worded_with_the_command_to_run() -> None:
    speak("en")
    cases = [
        (BadInput("x", code="no-exam"),
         "The database holds no exam yet; create one first (e.g. load the demo with "
         "'examdesk demo')."),
        (BadInput("x", code="exam-unchosen", codes=("A", "B")),
         "The database holds several exams (A, B); choose one with --exam CODE."),
        (BadInput("x", code="demo-loaded", exam="SW"),
         "The demo exam SW is already loaded; use --replace to load it again."),
        (BadInput("x", code="demo-scale", most=17, scale=18),
         "--scale must be between 1 and 17 (the cities of the province), not 18."),
        (BadInput("x", code="setting-out-of-range", setting="merge_tail", value=11, low=0,
                  high=10), "--merge-tail must be between 0 and 10, not 11."),
        (BadInput("x", code="setting-out-of-range", setting="max_sessions", value=0, low=1,
                  high=20), "--max-sessions must be between 1 and 20, not 0."),
        (PlanProblem("x", code="no-roster"),
         "The exam has no roster to repair yet; make one with 'examdesk roster'."),
        (PlanProblem("x", code="room-locked", room="01/01001"),
         "Room 01/01001 is locked; unlock it first with 'examdesk seat lock 01/01001 "
         "--unlock'."),
        (PlanProblem("x", code="candidate-unseated", who="R1 张三"),
         "R1 张三 has no seat yet; use 'examdesk seat add'."),
    ]
    for error, expected in cases:
        assert worded(error) == expected, error.code
    # what the user typed is repeated, rather than the label
    withdrawn = PlanProblem("x", code="candidate-withdrawn", candidate_id=7, who="R7 王五")
    assert worded(withdrawn, {7: "王五"}) == "Candidate 王五 has withdrawn and cannot be seated."
    assert worded(withdrawn) == "Candidate R7 王五 has withdrawn and cannot be seated."
    # an error the command line has no words of its own for, or lacking their fields
    assert worded(BadInput("as the core says it", code="whatever")) == "as the core says it"
    assert worded(PlanProblem("the core's", code="room-locked", room_id=3)) == "the core's"


def test_a_room_not_found_points_to_the_rooms_export() -> None:
    speak("en")
    with pytest.raises(BadInput) as raised:
        Matches("room", "09009", "SW", (), True).one()
    assert str(raised.value) == "Exam SW has no room 09009."
    assert worded(raised.value) == ("Exam SW has no room 09009; write the room's code as in "
                                    "'examdesk export rooms', or CENTER/ROOM.")
