"""Every kind of import, declared once: the command line's choices and the window's list.

Import rooms before staff and posts (they name their test center) and candidates before
seating and photos (they name the candidate): :data:`KINDS` lists them in an order that
keeps to that (the order `examdesk import --help` has always shown).
"""

from __future__ import annotations

from examdesk.errors import BadInput
from examdesk.i18n import translate
from examdesk.services.imports import ImportKind
from examdesk.services.imports.candidates import CANDIDATES
from examdesk.services.imports.photos import PHOTOS
from examdesk.services.imports.posts import POSTS
from examdesk.services.imports.rooms import ROOMS
from examdesk.services.imports.seating import SEATING
from examdesk.services.imports.staff import STAFF

#: The import kinds, in the order an exam is usually filled.
KINDS: tuple[ImportKind, ...] = (ROOMS, CANDIDATES, STAFF, SEATING, POSTS, PHOTOS)


def import_kind(key: str) -> ImportKind:
    """The import kind called ``key``.

    Raises:
        BadInput: no kind has that key.
    """
    for kind in KINDS:
        if kind.key == key:
            return kind
    raise BadInput(translate("Import", "There is no import of {what}; choose among {kinds}.")
                   .format(what=key, kinds=", ".join(k.key for k in KINDS)))
