"""The photo taken at the temporary ID desk: a JPEG or PNG (from a file or the camera) is
stored upright and fitted like the registration photos, printed instead of the registration
photo and recorded in the audit trail as taken (never its bytes)."""

from __future__ import annotations

import io

import pytest
from PIL import Image
from sqlalchemy import delete, func, insert, select

from examdesk.errors import BadInput
from examdesk.model import AuditEvent, CandidatePhoto, TempIdCertificate
from examdesk.services import tempids
from examdesk.services.audit import Actor
from examdesk.services.exams import resolve_exam
from examdesk.services.imports.photos import PHOTO_BOX
from examdesk.services.printing_center import certificates
from tests.core.services.test_tempids import MORNING, seated


def image(color: str, size: tuple[int, int] = (900, 1200), kind: str = "PNG") -> bytes:
    """A camera-sized image of one color."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, kind)
    return buffer.getvalue()


def color_of(jpeg: bytes) -> tuple[int, ...]:
    with Image.open(io.BytesIO(jpeg)) as shown:
        assert shown.format == "JPEG"
        return shown.convert("RGB").getpixel((shown.width // 2, shown.height // 2))


def test_the_desk_photo_is_printed_instead_of_the_registration_photo(demo_copy) -> None:
    actor = Actor("desk-clerk")
    with demo_copy.write("test") as session:
        exam = resolve_exam(session)
        one, two = seated(session, "01", 0), seated(session, "01", 1)
        session.execute(delete(CandidatePhoto).where(
            CandidatePhoto.candidate_id.in_([one.id, two.id])))
        session.execute(insert(CandidatePhoto), [  # red: the registration photos
            {"candidate_id": c, "mime_type": "image/jpeg", "data": image("red", kind="JPEG")}
            for c in (one.id, two.id)])
        with_photo = tempids.issue(session, actor, exam, one.id, officer="王警官",
                                   unit="川汇分局", photo=image("blue"), photo_file="IMG_1.png",
                                   now=MORNING)
        without = tempids.issue(session, actor, exam, two.id, officer="王警官", unit="川汇分局",
                                now=MORNING)
        stored = session.scalar(select(TempIdCertificate.photo).where(
            TempIdCertificate.serial_no == with_photo.serial))
        assert stored is not None
        with Image.open(io.BytesIO(stored)) as kept:  # fitted as the import fits them
            assert kept.format == "JPEG" and kept.size == PHOTO_BOX
        printed = {c.serial_no: c.photo for c in certificates(session, exam, center="01")}
        assert color_of(printed[with_photo.serial])[2] > 200  # blue: the desk's photo
        assert color_of(printed[without.serial])[0] > 200  # red: the registration photo
        details = session.scalars(select(AuditEvent.details).where(
            AuditEvent.action == "tempid.issue").order_by(AuditEvent.id)).all()[-2:]
        assert [d["after"]["desk_photo"] for d in details] == [True, False]
        assert all(len(str(d)) < 1000 for d in details)  # that it was taken, not the photo


@pytest.mark.parametrize("data, says", [
    (b"not an image at all", "IMG_2.jpg: 不是可读的 JPEG 或 PNG 图片"),
    (image("blue", kind="GIF"), "IMG_2.jpg: 不是可读的 JPEG 或 PNG 图片"),
    (image("blue", (100, 90)), "IMG_2.jpg: 照片只有 100 x 90 像素"),
], ids=["no image", "a GIF", "too small"])
def test_a_bad_photo_file_is_named_and_nothing_is_issued(demo_copy, chinese, data,
                                                          says) -> None:
    with demo_copy.write("test") as session:
        exam = resolve_exam(session)
        someone = seated(session, "01", 3)
        with pytest.raises(BadInput) as refused:
            tempids.issue(session, Actor("desk"), exam, someone.id, officer="王警官",
                          unit="川汇分局", photo=data, photo_file="IMG_2.jpg", now=MORNING)
        assert refused.value.code == "tempid-photo" and str(refused.value).startswith(says)
        assert refused.value.fields == {"file": "IMG_2.jpg"}
        assert session.scalar(select(func.count()).select_from(TempIdCertificate)) == 0
