"""Print runs: many sheets rendered on every core, cached piece by piece, merged per file.

A run is a list of :class:`Part` s, each one room's envelope or one center's staff sheet. Parts
are keyed by a fingerprint of their data: printing again after a change renders only the parts
whose data changed and reuses the others from the cache folder. Parts to render are drawn in
batches (one canvas, so they share a font subset) on every core, and each is kept as a page
range of its batch; the pages of one output file are then merged with pypdf, and the merged file
is kept too: printing again with nothing changed merges nothing.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import json
import multiprocessing
import os
import threading
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from dataclasses import dataclass, fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any

from examdesk.i18n import language
from examdesk.printing.rooms import RoomSheets
from examdesk.private_files import make_folder, make_private, write_private
from examdesk.progress import OperationCancelled
from reports.base import Sheet, render_sheets
from reports.center_summary import CenterSummarySheet
from reports.certificate import CertificateSheet
from reports.cover import CoverSheet, Enclosure
from reports.desk_labels import DeskLabelSheet
from reports.door_list import DoorListSheet
from reports.doubtful_list import DoubtfulListSheet
from reports.draw_result import DrawResultSheet
from reports.duty_cards import DutyCardSheet
from reports.duty_sheet import DutySheet
from reports.fonts import FontSet, load_fonts
from reports.notice import NoticeSheet
from reports.post_roster import PostRosterSheet
from reports.room_record import RoomRecordSheet
from reports.seating_chart import SeatingChartSheet
from reports.sign_in import SignInSheet

Progress = Callable[[int, int, str], None]

#: Days a cached part is kept after it was last used.
KEEP_DAYS = 30
#: The most parts rendered into one batch PDF.
BATCH_PARTS = 12

#: Sheet kinds, in the words of ``examdesk print``, and how each is built from its data.
SHEETS: dict[str, Callable[[tuple[Any, ...], str | None, FontSet], Sheet]] = {
    "door": lambda data, _s, fonts: DoorListSheet([r.door_list() for r in data], fonts),
    "seating": lambda data, _s, fonts: SeatingChartSheet(data, fonts),
    "desk": lambda data, _s, fonts: DeskLabelSheet(data, fonts),
    "signin": lambda data, session, fonts: SignInSheet(data, session, fonts),
    "record": lambda data, session, fonts: RoomRecordSheet(data, session, fonts),
    "duty": lambda data, _s, fonts: DutySheet(data, fonts),
    "cards": lambda data, _s, fonts: DutyCardSheet(data, fonts),
    "posts": lambda data, _s, fonts: PostRosterSheet(data, fonts),
    "draw": lambda data, _s, fonts: DrawResultSheet(data, fonts),
    "certificate": lambda data, _s, fonts: CertificateSheet(data, fonts),
    "summary": lambda data, _s, fonts: CenterSummarySheet(data, fonts),
    "notice": lambda data, _s, fonts: NoticeSheet(data, fonts),
    "doubtful": lambda data, _s, fonts: DoubtfulListSheet(data, fonts),
}


@dataclass(frozen=True)
class Part:
    """One piece of a print run, rendered and cached as a whole.

    Attributes:
        label: how warnings and progress name it, e.g. ``01/01003``.
        sheets: (kind, data objects) in print order; kinds are keys of :data:`SHEETS`.
        session: a session code: sign-in sheets and room records of that session only.
        duplex: for two-sided printing: each document starts on a front page, every page is
            portrait (see :class:`reports.base.Sheet`).
        cover: the room whose envelope this is: a cover sheet listing the part's documents
            comes first (and with ``duplex``, its back is blank).
    """

    label: str
    sheets: tuple[tuple[str, tuple[Any, ...]], ...]
    session: str | None = None
    duplex: bool = False
    cover: RoomSheets | None = None


@dataclass(frozen=True)
class Rendered:
    """A part as PDF: pages ``first`` .. ``first + pages - 1`` of the batch PDF ``source``.

    Parts are rendered in batches (one canvas, one font subset, a tenth of the time per page
    of one file per room) and kept by page range, so a part is still cached on its own.
    """

    source: bytes
    first: int
    pages: int
    warnings: tuple[str, ...]
    problems: tuple[str, ...] = ()


@dataclass(frozen=True)
class RunResult:
    """What a run did: the parts' pages in order, and how many parts were rendered afresh.

    Attributes:
        parts: each part's pages, in the order given.
        rendered: how many parts were drawn (the others came from the cache).
        keys: each part's fingerprint, in the same order.
    """

    parts: tuple[Rendered, ...]
    rendered: int
    keys: tuple[str, ...] = ()

    @property
    def pages(self) -> int:
        """Pages in all parts."""
        return sum(p.pages for p in self.parts)

    @property
    def warnings(self) -> list[str]:
        """Every distinct warning, in order."""
        return list(dict.fromkeys(w for p in self.parts for w in p.warnings))

    @property
    def problems(self) -> list[str]:
        """Every distinct warning of a character that could not be drawn, in order."""
        return list(dict.fromkeys(w for p in self.parts for w in p.problems))


#: What :func:`render_batch` tells of each part: pages, warnings, problems.
Made = tuple[int, tuple[str, ...], tuple[str, ...]]


def render_batch(
    parts: Sequence[Part], fallback_fonts: Sequence[Path] | None = None
) -> tuple[bytes, list[Made]]:
    """Render ``parts`` into one PDF; return it with each part's pages, warnings and problems."""
    fonts = load_fonts(fallback_fonts)
    built = [part_sheets(part, fonts) for part in parts]
    pdf = render_sheets([sheet for sheets in built for sheet in sheets])
    return pdf, [(sum(s.page_count for s in sheets),
                  tuple(dict.fromkeys(w for s in sheets for w in s.warnings)),
                  tuple(dict.fromkeys(w for s in sheets for w in s.problems)))
                 for sheets in built]


def part_sheets(part: Part, fonts: FontSet) -> list[Sheet]:
    """The sheets that draw ``part``: its cover first if it has one."""
    sheets = [SHEETS[kind](data, part.session, fonts) for kind, data in part.sheets]
    if part.cover is not None:
        contents = [Enclosure(sheet.title, document.session, len(document.pages))
                    for sheet in sheets for document in sheet.prepared()]
        sessions = [s.session for s in part.cover.sessions
                    if part.session is None or s.session.code == part.session]
        sheets.insert(0, CoverSheet(part.cover, contents, sessions, fonts))
    for sheet in sheets:
        sheet.duplex = part.duplex
    return sheets


def fingerprint(part: Part, fonts: FontSet | None = None) -> str:
    """A key that changes whenever the part's data, the renderers, the fonts or the language of
    the warnings change.

    Args:
        part: the part.
        fonts: the fonts it is drawn with (``None``: the default ones).
    """
    digest = hashlib.sha256(_code_version().encode())
    fonts = fonts or load_fonts()
    _feed(digest.update, (fonts.main, fonts.fallbacks, language()), {})
    _feed(digest.update, part, {})
    return digest.hexdigest()[:32]


# The field names of each dataclass fed so far: fields() is slow, and a print run feeds ~400,000
# values (every seat of every room), so the common types are tested first, by identity.
_fields: dict[type, tuple[str, ...]] = {}


def _feed(update: Callable[[bytes], Any], value: Any, seen: dict[int, int]) -> None:
    """Hash ``value`` by content, the same in every process (pickle and hash() are not).

    A data object met again (a pack's part holds its room five times: four sheets and the
    cover) is fed as a reference to its first feeding, number ``seen[id(value)]``.
    """
    kind = type(value)
    if kind is str:
        data = value.encode()
        update(b"s%d:" % len(data))
        update(data)
    elif kind is tuple or kind is list:
        update(b"(%d" % len(value))
        for item in value:
            _feed(update, item, seen)
    elif kind is int or kind is bool or kind is float or value is None:
        update(f"{kind.__name__}{value!r};".encode())
    elif kind is bytes:
        update(b"b%d:" % len(value))
        update(value)
    elif kind in _fields or (is_dataclass(value) and not isinstance(value, type)):
        if id(value) in seen:
            update(b"@%d;" % seen[id(value)])
            return
        seen[id(value)] = len(seen)
        names = _fields.get(kind)
        if names is None:
            names = _fields[kind] = tuple(field.name for field in fields(value))
        update(f"<{kind.__name__}".encode())
        for name in names:
            _feed(update, getattr(value, name), seen)
    elif isinstance(value, str):  # a subclass (an enum...): its text
        _feed(update, str.__str__(value), seen)
    elif isinstance(value, int | float):
        _feed(update, (int if isinstance(value, int) else float)(value), seen)
    else:
        raise TypeError(f"cannot fingerprint {kind.__name__}")


@cache
def _code_version() -> str:
    """A hash of the renderers' source: a new version of ExamDesk redraws everything."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


class PartCache:
    """Rendered parts kept in a folder: batch PDFs, and per part its batch and page range.

    ``None`` as the folder keeps nothing.
    """

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder
        self._batches: dict[str, bytes] = {}

    def get(self, key: str) -> Rendered | None:
        """The part rendered under ``key`` before, if it and its batch are still there."""
        if self.folder is None:
            return None
        try:
            entry = self.folder / f"{key}.json"
            meta = json.loads(entry.read_text("utf-8"))
            batch = str(meta["batch"])
            if batch not in self._batches:
                pdf = self.folder / f"{batch}.pdf"
                self._batches[batch] = pdf.read_bytes()
                os.utime(pdf)  # in use: kept by prune()
            os.utime(entry)
            return Rendered(self._batches[batch], int(meta["first"]), int(meta["pages"]),
                            tuple(meta["warnings"]), tuple(meta["problems"]))
        except (OSError, ValueError, KeyError):
            return None

    def put(self, batch: str, pdf: bytes, parts: Sequence[tuple[str, Rendered]]) -> None:
        """Keep a batch PDF and, for each (key, part) of it, where its pages are.

        The batch is written first: a part is found only when its pages are there.
        """
        if self.folder is None:
            return
        try:
            make_folder(self.folder)
            write_atomically(self.folder / f"{batch}.pdf", pdf)
            for key, part in parts:
                meta = {"batch": batch, "first": part.first, "pages": part.pages,
                        "warnings": list(part.warnings), "problems": list(part.problems)}
                write_atomically(self.folder / f"{key}.json", json.dumps(meta).encode())
        except OSError:
            pass  # a full or read-only cache only costs speed: the print run goes on

    def merged(self, title: str, key: str) -> bytes | None:
        """The file ``title`` merged from the parts ``key`` names, if it was the last one kept."""
        if self.folder is None:
            return None
        try:
            path = self._merged_path(title, key)
            data = path.read_bytes()
            if not data.rstrip().endswith(b"%%EOF"):
                return None  # cut short (a full disk): merge again
            os.utime(path)
            return data
        except OSError:
            return None

    def keep_merged(self, title: str, key: str, pdf: bytes) -> None:
        """Keep the file ``title`` merged from the parts ``key`` names, instead of the last one.

        One merged file per title (a center's pack, say) is kept: a whole file each time a
        room changed would fill the cache with files that are never printed again.
        """
        if self.folder is None:
            return
        try:
            make_folder(self.folder)
            path = self._merged_path(title, key)
            write_atomically(path, pdf)
            for older in self.folder.glob(f"{path.name.rsplit('-', 1)[0]}-*.pdf"):
                if older != path:
                    older.unlink(missing_ok=True)
        except OSError:
            pass  # as in put()

    def _merged_path(self, title: str, key: str) -> Path:
        assert self.folder is not None
        return self.folder / f"merged-{hashlib.sha256(title.encode()).hexdigest()[:16]}-{key}.pdf"

    def prune(self, days: float = KEEP_DAYS) -> None:
        """Delete what no print run has used for ``days`` days (the cache stays small, and
        its sheets' personal data goes with them), in the folder and the folders within it
        (one per exam: ui/jobs/print_run.py); a folder left empty goes too. What stays is
        made readable by its owner only (a cache written by an older ExamDesk was not)."""
        if self.folder is None or not self.folder.is_dir():
            return
        cutoff = time.time() - days * 86400
        with contextlib.suppress(OSError):
            make_private(self.folder)
        for path in sorted(self.folder.rglob("*"), key=lambda p: len(p.parts), reverse=True):
            try:
                if path.is_dir():
                    if not any(path.iterdir()):
                        path.rmdir()
                    else:
                        make_private(path)
                elif path.suffix in (".pdf", ".json"):
                    if path.stat().st_mtime < cutoff:
                        path.unlink()
                    else:
                        make_private(path)
            except OSError:
                pass  # another run is using or removing it


def render_parts(
    parts: Sequence[Part],
    *,
    cache_folder: Path | None = None,
    workers: int | None = None,
    fallback_fonts: Sequence[Path] | None = None,
    progress: Progress | None = None,
    pool: Executor | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> RunResult:
    """Render ``parts`` (those not in the cache) in batches on ``workers`` processes.

    Args:
        parts: what to print, in order.
        cache_folder: where rendered parts are kept between runs (``None``: no cache).
        workers: processes to use (default: the machine's cores, at most 4; 1 = this one).
        fallback_fonts: as for :func:`reports.fonts.load_fonts`.
        progress: receives (parts done, parts, label).
        pool: processes to render on, kept over several runs (see :func:`worker_pool`);
            ``None`` starts ``workers`` processes for this run.
        cancelled: polled after each batch; when it returns True the batches not started are
            dropped and :class:`OperationCancelled` is raised.

    Returns:
        The parts' pages in the order given.

    Raises:
        OperationCancelled: ``cancelled`` said so.
    """
    cached = PartCache(cache_folder)
    cached.prune()
    fonts = load_fonts(fallback_fonts)  # once: it looks for the fallback files on disk
    keys = [fingerprint(part, fonts) for part in parts]
    results: list[Rendered | None] = [cached.get(key) for key in keys]
    todo = [i for i, found in enumerate(results) if found is None]
    done = len(parts) - len(todo)
    if progress:
        progress(done, len(parts), "")
    count = max(1, workers or min(4, os.cpu_count() or 1))
    # a few batches per worker: big enough to share a font subset, small enough to balance
    size = max(1, min(BATCH_PARTS, -(-len(todo) // (count * 3))))
    batches = [todo[i : i + size] for i in range(0, len(todo), size)]

    def finish(batch: list[int], pdf: bytes, made: list[Made]) -> None:
        nonlocal done
        first = 0
        kept = []
        for i, (pages, warnings, problems) in zip(batch, made, strict=True):
            rendered = results[i] = Rendered(pdf, first, pages, warnings, problems)
            kept.append((keys[i], rendered))
            first += pages
        cached.put(hashlib.sha256("".join(keys[i] for i in batch).encode()).hexdigest()[:32],
                   pdf, kept)
        done += len(batch)
        if progress:
            progress(done, len(parts), parts[batch[-1]].label)

    own = None
    if pool is None and count > 1 and len(batches) > 1:
        own = pool = worker_pool(min(count, len(batches)))
    try:
        if pool is not None and len(batches) > 1:
            futures = {pool.submit(render_batch, [parts[i] for i in batch], fallback_fonts):
                       batch for batch in batches}
            for future in as_completed(futures):
                finish(futures[future], *future.result())
                if cancelled and cancelled():
                    for other in futures:
                        other.cancel()
                    raise OperationCancelled()
        else:
            for batch in batches:
                finish(batch, *render_batch([parts[i] for i in batch], fallback_fonts))
                if cancelled and cancelled():
                    raise OperationCancelled()
    finally:
        if own is not None:
            own.shutdown()
    return RunResult(tuple(r for r in results if r is not None), len(todo), tuple(keys))


def worker_pool(
    workers: int | None = None, *, spawn: bool = False,
    speak: Callable[[str], object] | None = None,
) -> ProcessPoolExecutor:
    """Processes to render on: ``workers``, or the machine's cores (at most 4).

    Fork (Linux) inherits the registered fonts and the catalog; spawn (Windows, or
    ``spawn=True`` in a process with threads, such as the window, where forking is unsafe)
    starts fresh interpreters that parse the fonts once each and speak English until
    ``speak`` is called in each with this process's :func:`examdesk.i18n.language` (the
    warnings they write must be in it: they are cached under it).
    """
    context = multiprocessing.get_context("spawn") if spawn else None
    count = max(1, workers or min(4, os.cpu_count() or 1))
    return ProcessPoolExecutor(max_workers=count, mp_context=context, initializer=_start_worker,
                               initargs=(os.getpid(), speak, language()))


def _start_worker(parent: int, speak: Callable[[str], object] | None, spoken: str) -> None:
    """A render worker's start: it speaks the parent's language (see :func:`worker_pool`)
    and leaves when its parent is gone. A forked worker holds its own copy of the pool's
    queue, so a parent killed outright (the task manager, SIGKILL) would leave it waiting on
    that queue for ever. It checks every second whether it was orphaned: on POSIX another
    process then adopts it. (On Windows the parent's id does not change when it dies, so
    there the watch never fires.)"""
    if speak is not None:
        speak(spoken)

    def watch() -> None:
        while True:
            time.sleep(1.0)
            if os.getppid() != parent:
                os._exit(0)

    threading.Thread(target=watch, name="orphan-watch", daemon=True).start()


def merge_run(result: RunResult, title: str, cache_folder: Path | None = None,
              cancelled: Callable[[], bool] | None = None) -> bytes:
    """One PDF of the run's parts (see :func:`merge`), kept in the cache folder.

    A file merged from the same parts under the same title before is reused: printing again
    with nothing changed merges nothing (merging is most of an unchanged reprint's time).

    Raises:
        OperationCancelled: ``cancelled`` said so, polled part by part while merging.
    """
    cached = PartCache(cache_folder)
    key = hashlib.sha256("\n".join(result.keys).encode()).hexdigest()[:32]
    pdf = cached.merged(title, key) if result.keys else None
    if pdf is None:
        pdf = merge(result.parts, title, cancelled)
        if result.keys:
            cached.keep_merged(title, key, pdf)
    return pdf


def merge(parts: Sequence[Rendered], title: str = "",
          cancelled: Callable[[], bool] | None = None) -> bytes:
    """One PDF holding the pages of ``parts`` in order.

    Raises:
        OperationCancelled: ``cancelled`` said so (polled before each part: a center's pack
            merges for seconds, and Stop must not wait for it).
    """
    from pypdf import PdfReader, PdfWriter  # here: an unchanged reprint merges nothing

    writer = PdfWriter()
    readers: dict[int, PdfReader] = {}
    for part in parts:
        if cancelled and cancelled():
            raise OperationCancelled()
        reader = readers.get(id(part.source))
        if reader is None:
            reader = readers[id(part.source)] = PdfReader(io.BytesIO(part.source))
        writer.append(reader, pages=(part.first, part.first + part.pages))
    if title:
        writer.add_metadata({"/Title": title})
    out = io.BytesIO()
    writer.write(out)
    _release(writer, *readers.values())
    return out.getvalue()


def _release(*holders: object) -> None:
    """Empty the containers of pypdf's writer and readers, once written.

    Their objects refer back to them (an indirect reference holds its document), so they
    would be left as cycles for the garbage collector: about 220,000 objects for a center's
    pack, walked in one full collection of a third of a second that holds Python's lock (the
    window's event loop waits). Emptied, nearly all of them are freed as soon as they are
    dropped (docs/performance.md, "Start-up").
    """
    for holder in holders:
        for value in vars(holder).values():
            if isinstance(value, dict | list):
                value.clear()


def write_atomically(target: Path, data: bytes,
                     before_replace: Callable[[], object] | None = None) -> None:
    """Write to a temporary file beside ``target`` and rename it: never half a file, and
    readable by its owner only (the sheets hold personal data: examdesk/private_files.py).

    ``before_replace`` runs before the rename (the audit row's commit); when it fails, no
    file is left."""
    write_private(target, data, before_replace)
