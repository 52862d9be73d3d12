"""Reading workbooks and CSV files, and refusing unusable files with one clear sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import Workbook

from examdesk.errors import BadInput
from examdesk.exchange.sheets import OLE2_SIGNATURE, read_table
from tests.core.exchange.helpers import HEADER, MAN, candidate, write_workbook


def _one_sentence(error: BadInput) -> str:
    message = str(error)
    assert message.endswith(".") and "\n" not in message and "Traceback" not in message
    return message


def test_rows_keep_their_excel_numbers_and_blank_rows_are_dropped(tmp_path):
    path = write_workbook(tmp_path / "c.xlsx", [
        ["2023年社会工作者职业水平考试报名信息"], [], HEADER, [], candidate(1, "张三", "男", MAN),
    ])
    sheet = read_table(path)
    assert (sheet.file_name, sheet.sheet_name) == ("c.xlsx", "报名信息")
    assert [row.number for row in sheet.rows] == [1, 3, 5]
    assert sheet.rows[1].cells[:3] == ("序号", "姓名", "性别")
    assert sheet.rows[2].cell(4) == MAN
    assert sheet.rows[2].cell(99) == ""


def test_rows_start_at_column_a_even_when_it_is_empty(tmp_path):
    path = write_workbook(tmp_path / "c.xlsx", [[None, None, "姓名"], [None, None, "张三"]])
    sheet = read_table(path)
    assert sheet.rows[0].cell(2) == "姓名"
    assert sheet.rows[1].cell(2) == "张三"


def test_a_named_sheet_is_read_and_a_missing_one_lists_the_sheets(tmp_path):
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    first.title = "说明"
    first.append(["请勿修改表头"])
    workbook.create_sheet("考生").append(["姓名"])
    workbook.save(tmp_path / "w.xlsx")
    assert read_table(tmp_path / "w.xlsx", "考生").rows[0].cells == ("姓名",)
    assert read_table(tmp_path / "w.xlsx").sheet_name == "说明"
    with pytest.raises(BadInput) as caught:
        read_table(tmp_path / "w.xlsx", "报名信息")
    message = _one_sentence(caught.value)
    assert "w.xlsx" in message and "报名信息" in message and "说明, 考生" in message


def test_the_first_visible_sheet_is_the_default(tmp_path):
    workbook = Workbook()
    hidden = workbook.active
    assert hidden is not None
    hidden.title = "隐藏"
    hidden.sheet_state = "hidden"
    hidden.append(["x"])
    workbook.create_sheet("数据").append(["姓名"])
    workbook.save(tmp_path / "h.xlsx")
    assert read_table(tmp_path / "h.xlsx").sheet_name == "数据"


def test_an_empty_sheet_is_refused(tmp_path):
    path = write_workbook(tmp_path / "empty.xlsx", [["", "  ", "\u3000"]], title="Sheet1")
    with pytest.raises(BadInput) as caught:
        read_table(path)
    message = _one_sentence(caught.value)
    assert "Sheet1" in message and "empty" in message


def test_an_old_xls_file_is_refused_with_the_fix(tmp_path):
    path = tmp_path / "报名.xls"
    path.write_bytes(OLE2_SIGNATURE + bytes(504))
    with pytest.raises(BadInput) as caught:
        read_table(path)
    message = _one_sentence(caught.value)
    assert "报名.xls" in message and ".xlsx" in message and "save it" in message


def test_a_corrupt_workbook_is_refused(tmp_path):
    good = write_workbook(tmp_path / "good.xlsx", [HEADER])
    (tmp_path / "cut.xlsx").write_bytes(good.read_bytes()[:600])
    (tmp_path / "text.xlsx").write_text("姓名,证件号码\n", encoding="utf-8")
    for name in ("cut.xlsx", "text.xlsx"):
        with pytest.raises(BadInput) as caught:
            read_table(tmp_path / name)
        message = _one_sentence(caught.value)
        assert name in message and "damaged" in message


def test_a_zip_that_is_not_a_workbook_is_refused(tmp_path):
    import zipfile

    with zipfile.ZipFile(tmp_path / "doc.xlsx", "w") as archive:
        archive.writestr("word/document.xml", "<w/>")
    with pytest.raises(BadInput, match=r"doc\.xlsx is damaged"):
        read_table(tmp_path / "doc.xlsx")


def test_a_password_protected_workbook_is_recognised(tmp_path):
    path = tmp_path / "locked.xlsx"
    stream_name = "EncryptionInfo".encode("utf-16-le")
    path.write_bytes(OLE2_SIGNATURE + bytes(1000) + stream_name + bytes(100))
    with pytest.raises(BadInput) as caught:
        read_table(path)
    message = _one_sentence(caught.value)
    assert "locked.xlsx" in message and "password" in message


def test_any_ole2_file_named_xlsx_is_refused_mentioning_the_password(tmp_path):
    path = tmp_path / "renamed.xlsx"
    path.write_bytes(OLE2_SIGNATURE + bytes(2000))
    with pytest.raises(BadInput) as caught:
        read_table(path)
    message = _one_sentence(caught.value)
    assert "password" in message and ".xls" in message


def test_a_missing_file_is_refused(tmp_path):
    with pytest.raises(BadInput) as caught:
        read_table(tmp_path / "nowhere.xlsx")
    assert "nowhere.xlsx does not exist" in _one_sentence(caught.value)


def test_an_unknown_file_type_is_refused(tmp_path):
    (tmp_path / "list.pdf").write_bytes(b"%PDF-1.7")
    with pytest.raises(BadInput, match=r"list\.pdf is not a file ExamDesk can import"):
        read_table(tmp_path / "list.pdf")


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_utf8_with_or_without_bom_or_gb18030(tmp_path, encoding):
    path = tmp_path / "c.csv"
    text = f"姓名,证件号码,报考级别\r\n𠮷田,{MAN},社会工作师\r\n\r\n李四,\"1,2\",初级\r\n"
    if encoding == "gb18030":
        text = text.replace("𠮷田", "吕𠮷")  # GB18030 encodes characters beyond the BMP too
    path.write_bytes(text.encode(encoding))
    sheet = read_table(path)
    assert sheet.sheet_name == ""
    assert sheet.rows[0].cells == ("姓名", "证件号码", "报考级别")
    assert sheet.rows[1].cells[0] == ("吕𠮷" if encoding == "gb18030" else "𠮷田")
    assert [row.number for row in sheet.rows] == [1, 2, 4]
    assert sheet.rows[2].cells == ("李四", "1,2", "初级")


def test_gb18030_csv_is_not_misread_as_utf8(tmp_path):
    path = tmp_path / "gbk.csv"
    path.write_bytes("姓名,工作单位\n张三,周口市民政局\n".encode("gb18030"))
    assert read_table(path).rows[1].cells == ("张三", "周口市民政局")


def test_a_binary_file_named_csv_is_refused(tmp_path):
    path = tmp_path / "x.csv"
    path.write_bytes(bytes(range(256)) * 4)
    with pytest.raises(BadInput, match=r"x\.csv"):
        read_table(path)


def test_a_workbook_named_csv_is_refused(tmp_path):
    path = write_workbook(tmp_path / "w.xlsx", [HEADER])
    renamed = Path(path.rename(tmp_path / "w.csv"))
    with pytest.raises(BadInput, match="is an Excel workbook, not a CSV"):
        read_table(renamed)
