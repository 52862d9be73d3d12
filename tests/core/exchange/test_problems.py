"""Problems are located, one line, and collected without stopping."""

from __future__ import annotations

from examdesk.exchange.problems import Problems, Severity, column_letter, quote_value


def test_column_letters():
    assert [column_letter(i) for i in (0, 4, 25, 26, 27, 701, 702)] == [
        "A", "E", "Z", "AA", "AB", "ZZ", "AAA"]


def test_a_problem_is_one_located_line():
    problems = Problems("candidates.xlsx", "报名信息")
    problem = problems.add("the ID number is wrong", "copy it again", row=12, column=4,
                           header="证件号码", value="41162\n3" + "9" * 60)
    text = str(problem)
    assert "\n" not in text
    assert text.startswith(
        "Error: candidates.xlsx, sheet 报名信息, row 12, column E (证件号码) “41162 3999")
    assert text.endswith("…”: the ID number is wrong; copy it again.")


def test_the_collector_separates_errors_and_warnings():
    problems = Problems("c.csv", "")
    problems.add("a", "b", row=3)
    problems.add("c", "d", row=4, severity=Severity.WARNING)
    assert len(problems) == 2 and problems.has_errors()
    assert [p.row for p in problems.errors] == [3]
    assert [p.row for p in problems.warnings] == [4]
    assert str(problems.warnings[0]) == "Warning: c.csv, row 4: c; d."


def test_numbers_are_quoted_as_excel_shows_them():
    assert quote_value(411623197212119166.0) == "4.11623E+17"
    assert quote_value(6.0) == "6" and quote_value(6.5) == "6.5"
    assert quote_value("  两个\n空格 ") == "两个 空格"
