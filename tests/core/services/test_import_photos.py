"""Photos named by ID or registration number are resized and stored; the rest is listed."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from sqlalchemy import func, select

from examdesk.errors import BadInput
from examdesk.model import Candidate, CandidatePhoto
from examdesk.services.imports.candidates import import_candidates
from examdesk.services.imports.photos import PHOTO_BOX, import_photos
from tests.core.exchange.helpers import HEADER, MAN, WOMAN, candidate, write_workbook


@pytest.fixture
def two_candidates(empty_exam, actor, tmp_path):
    """张三 (MAN, registration 20234116000001) and 李四 (WOMAN, ...0002)."""
    path = write_workbook(tmp_path / "c.xlsx", [
        HEADER, candidate(1, "张三", "男", MAN), candidate(2, "李四", "女", WOMAN)])
    with empty_exam.db.begin() as session:
        import_candidates(session, actor, empty_exam.exam, path)
    return empty_exam


def photo(path, size=(600, 800), color="red", kind="JPEG", exif_rotation=None):
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", size, color)
    if exif_rotation is not None:
        exif = Image.Exif()
        exif[0x0112] = exif_rotation  # Orientation
        image.save(path, kind, exif=exif)
    else:
        image.save(path, kind)
    return path


def run(exam, actor, folder, **options):
    with exam.db.begin() as session:
        return import_photos(session, actor, exam.exam, folder, **options)


def stored_photos(exam):
    with exam.db.begin() as session:
        return {
            id_number: Image.open(io.BytesIO(data))
            for id_number, data in session.execute(
                select(Candidate.id_number, CandidatePhoto.data).join(CandidatePhoto))
        }


def test_photos_by_id_or_registration_number_are_resized_and_stored(
        two_candidates, actor, tmp_path):
    folder = tmp_path / "photos"
    photo(folder / f"{MAN.lower()}.JPG", size=(1200, 1600))
    photo(folder / "sub" / "20234116000002.png", kind="PNG", size=(300, 400))
    result = run(two_candidates, actor, folder)
    assert (result.added, result.problems, result.missing) == (2, (), ())
    images = stored_photos(two_candidates)
    assert set(images) == {MAN, WOMAN}
    assert images[MAN].format == "JPEG" and images[MAN].size == PHOTO_BOX


def test_the_exif_orientation_is_applied(two_candidates, actor, tmp_path):
    folder = tmp_path / "photos"
    photo(folder / f"{MAN}.jpg", size=(800, 600), exif_rotation=6)  # shot sideways
    run(two_candidates, actor, folder)
    width, height = stored_photos(two_candidates)[MAN].size
    assert height > width


def test_unmatched_unreadable_and_doubled_photos_are_refused_and_nothing_is_written(
        two_candidates, actor, tmp_path):
    folder = tmp_path / "photos"
    photo(folder / f"{MAN}.jpg")
    photo(folder / "20234116000001.png", kind="PNG")  # 张三 again, by registration number
    photo(folder / "110101199003078515.jpg")  # nobody in the exam
    (folder / f"{WOMAN}.jpg").write_bytes(b"not an image")
    (folder / "readme.txt").write_text("photos of 2023")
    result = run(two_candidates, actor, folder)
    by_file = {p.file: p for p in result.problems}
    assert set(by_file) == {f"{MAN}.jpg", "20234116000001.png", "110101199003078515.jpg",
                            f"{WOMAN}.jpg"}
    assert all(p.is_error for p in result.problems) and result.refused == 4
    assert "same candidate" in by_file[f"{MAN}.jpg"].what
    assert "not a readable" in by_file[f"{WOMAN}.jpg"].what
    assert result.notes[0].endswith("not .jpg, .jpeg or .png: 1.")
    assert not result.written and stored_photos(two_candidates) == {}
    assert len(result.missing) == 2 and result.missing[0] == "20234116000001 张三"


def test_skip_invalid_stores_the_good_photos(two_candidates, actor, tmp_path):
    folder = tmp_path / "photos"
    photo(folder / f"{MAN}.jpg")
    photo(folder / "110101199003078515.jpg")
    result = run(two_candidates, actor, folder, skip_invalid=True)
    assert result.written and set(stored_photos(two_candidates)) == {MAN}
    assert result.missing == ("20234116000002 李四",)


def test_a_new_photo_replaces_the_old_one(two_candidates, actor, tmp_path):
    photo(tmp_path / "a" / f"{MAN}.jpg", color="red")
    run(two_candidates, actor, tmp_path / "a")
    photo(tmp_path / "b" / f"{MAN}.jpg", color="blue")
    result = run(two_candidates, actor, tmp_path / "b")
    assert (result.added, result.updated) == (0, 1)
    red, _green, blue = stored_photos(two_candidates)[MAN].getpixel((10, 10))
    assert blue > 200 and red < 50
    with two_candidates.db.begin() as session:
        assert session.scalar(select(func.count()).select_from(CandidatePhoto)) == 1


def test_a_small_photo_is_stored_with_a_warning(two_candidates, actor, tmp_path):
    photo(tmp_path / "p" / f"{MAN}.jpg", size=(90, 120))
    result = run(two_candidates, actor, tmp_path / "p")
    (warning,) = result.problems
    assert not warning.is_error and "90 x 120" in warning.what and result.written


def test_a_folder_without_photos_is_bad_input(two_candidates, actor, tmp_path):
    (tmp_path / "empty").mkdir()
    with pytest.raises(BadInput, match="no JPEG or PNG"):
        run(two_candidates, actor, tmp_path / "empty")
    with pytest.raises(BadInput, match="not a folder"):
        run(two_candidates, actor, tmp_path / "missing")
