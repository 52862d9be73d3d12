"""`examdesk hotline`, `examdesk notice` and `examdesk board`: the board lane's commands,
a contract for scripts (options, output, JSON fields, exit codes)."""

from __future__ import annotations

import json

from ui.cli import run


def examdesk(capsys, *argv: object) -> tuple[int, str, str]:
    status = run([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_hotline_add_and_list_show_the_calls_and_the_most_asked_topics(capsys, demo_copy_url):
    url = demo_copy_url
    for topic in ("准考证打印", "考点路线", "准考证打印"):
        status, out, _ = examdesk(capsys, "--db", url, "hotline", "add", "--phone",
                                  "13800138000", "--topic", topic, "--answer", "已解答")
        assert status == 0 and out.startswith("Call ") and topic in out
    status, out, _ = examdesk(capsys, "--db", url, "hotline", "add", "--topic", "成绩",
                              "--follow-up", "明天回电")
    assert status == 0
    status, out, _ = examdesk(capsys, "--db", url, "hotline", "list")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "Most asked:" and lines[1].split() == ["2", "准考证打印"]
    assert "follow up: 明天回电" in out
    listed = json.loads(examdesk(capsys, "--db", url, "hotline", "list", "--json")[1])
    assert listed["topics"][0] == {"topic": "准考证打印", "calls": 2}
    assert set(listed["calls"][0]) == {"id", "called_at", "phone", "topic", "answer",
                                       "follow_up", "taken_by"}
    assert listed["calls"][0]["follow_up"] == "明天回电" and len(listed["calls"]) == 4
    # bad input: exit 2, one line, nothing logged
    status, out, err = examdesk(capsys, "--db", url, "hotline", "add", "--topic", " ")
    assert (status, out) == (2, "") and "topic" in err
    assert len(json.loads(examdesk(capsys, "--db", url, "hotline", "list", "--json")[1])[
        "calls"]) == 4


def test_notice_prints_the_text_to_publish_and_print_notice_the_sheet(capsys, demo_url,
                                                                       tmp_path):
    status, out, _ = examdesk(capsys, "--db", demo_url, "notice", "--center", "02")
    assert status == 0
    assert out.splitlines()[1] == "考生须知（周口职业技术学院）"
    assert "  考试咨询电话：0394-8238118" in out.splitlines()
    status, out, _ = examdesk(capsys, "--db", demo_url, "notice")
    assert status == 0 and out.count("考生须知（") == 5 and out.count("-" * 40) == 4
    status, out, err = examdesk(capsys, "--db", demo_url, "notice", "--center", "99")
    assert (status, out) == (2, "") and "01, 02, 03, 04, 05" in err
    status, out, _ = examdesk(capsys, "--db", demo_url, "print", "notice", "--center", "01",
                              "--out", tmp_path)
    assert status == 0
    assert [p.name for p in tmp_path.glob("*.pdf")] == ["考生须知-01-周口技师学院.pdf"]
