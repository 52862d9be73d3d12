"""Run a heavy use case in a process of its own; the window's process only waits on a pipe
(docs/architecture.md, "One background helper").

On a worker thread of the window's process, an allocation, a roster or a print run at
provincial scale keeps the UI thread waiting for Python's interpreter lock: numpy and scipy
calls, garbage collection over a big heap, pickling parts for the print workers and merging
PDFs hold it for up to half a second at a time (docs/performance.md), and the window freezes
meanwhile. :func:`run_apart` runs a :class:`Job` in a child process started fresh (spawn, as
Windows does) and waits for it on the calling worker thread, blocked on a pipe without the
lock: the child's progress comes back as messages, Cancel goes over as one, and the job's
result, or its error, is returned or raised as if the job had run on the thread.

No Qt here: :class:`ui.window.background.Operations` calls it from its worker thread.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import sys
import threading
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

from examdesk.errors import ExamDeskError
from examdesk.i18n import language, speak
from examdesk.progress import Cancelled, Progress

# How often the waiting thread looks at the Cancel flag (s), and the least time between two
# progress messages of the child (s) (the progress dialog does not need more).
POLL_S = 0.05
PROGRESS_EVERY_S = 0.05
# How long a child that was asked to stop, or that has answered, has to end (s); then it is
# ended the hard way (its transaction never committed: the database is unchanged).
EXIT_S = 30.0
# How much lower than the window the child runs: POSIX niceness, Windows' priority class.
NICENESS = 10
BELOW_NORMAL_PRIORITY_CLASS = 0x4000


@dataclass(frozen=True)
class Job:
    """A use case to run apart: ``function(*args, progress=..., cancelled=..., **kwargs)``.

    Attributes:
        function: a module-level function (the child imports it by name), e.g. of ui/jobs.
        args, kwargs: its arguments; they, its result and its errors must pickle.
        notes: the name of a keyword argument through which the function tells the caller
            things as they happen (the print run: each file written), or None.
    """

    function: Callable[..., Any]
    args: tuple[Any, ...] = ()
    kwargs: Mapping[str, Any] = field(default_factory=dict)
    notes: str | None = None


class ChildDied(RuntimeError):
    """The child process ended without an answer (killed, or crashed in native code)."""


def run_apart(job: Job, progress: Progress, cancelled: Cancelled,
              note: Callable[[Any], None] | None = None) -> Any:
    """Run ``job`` in a new process and wait for it; its result.

    Args:
        progress: given the child's progress (at most every :data:`PROGRESS_EVERY_S`).
        cancelled: polled every :data:`POLL_S`; once true, the child is asked to stop and
            stops at its next check (raising OperationCancelled, raised here too).
        note: given what the job tells through ``job.notes``.

    Raises:
        What the job raised (the same class, message, code and fields), or
        :class:`ChildDied`.
    """
    context = multiprocessing.get_context("spawn")
    commands, to_child = context.Pipe(duplex=False)  # (reading end, writing end)
    from_child, answers = context.Pipe(duplex=False)
    child = context.Process(target=_child, args=(job, language(), commands, answers),
                            name=f"examdesk {getattr(job.function, '__name__', 'job')}")
    child.start()
    commands.close()  # the child's ends: only the child holds them now
    answers.close()
    asked = False
    try:
        while True:
            if cancelled() and not asked:
                to_child.send("stop")
                asked = True
            if not from_child.poll(POLL_S):
                continue
            try:
                kind, payload = from_child.recv()
            except EOFError:
                child.join(EXIT_S)
                raise ChildDied(f"exit code {child.exitcode}") from None
            if kind == "progress":
                progress(*payload)
            elif kind == "note" and note is not None:
                note(payload)
            elif kind == "result":
                return payload
            elif kind == "error":
                raise _rebuilt(payload)
    finally:
        to_child.close()  # a child still working reads this as Cancel
        child.join(EXIT_S)
        if child.is_alive():
            child.terminate()
            child.join()
        from_child.close()


def _child(job: Job, spoken: str, commands: Connection, answers: Connection) -> None:
    """The child process: run the job and send back its progress, notes and answer."""
    _yield_to_the_window()
    speak(spoken)  # a spawned process starts in English
    stop = threading.Event()
    sending = threading.Lock()

    def listen() -> None:  # Cancel, or the window's process gone (the pipe closed)
        with contextlib.suppress(EOFError, OSError):
            commands.recv()
        stop.set()

    threading.Thread(target=listen, daemon=True).start()

    def send(kind: str, payload: Any) -> None:
        with sending:
            answers.send((kind, payload))

    sent = {"at": 0.0}
    said = {"message": ""}

    def progress(done: int, total: int, message: str) -> None:
        now = time.monotonic()
        # the last step always goes: a bar held back there would end short of its end
        if (now - sent["at"] >= PROGRESS_EVERY_S or message != said["message"]
                or done >= total):
            sent["at"], said["message"] = now, message
            send("progress", (done, total, message))

    kwargs = dict(job.kwargs, progress=progress, cancelled=stop.is_set)
    if job.notes:
        kwargs[job.notes] = lambda value: send("note", value)
    try:
        try:
            answer: tuple[str, Any] = ("result", job.function(*job.args, **kwargs))
        except BaseException as error:  # handed over whole; a bug's traceback shows here
            if not isinstance(error, ExamDeskError):
                # imported here: the window imports this module before its first paint
                from examdesk.db.locks import described_safely

                safe = described_safely(error)
                if safe is not None:  # a database error: not its values (ui/jobs/bugs.py)
                    traceback.print_tb(error.__traceback__)
                    error = RuntimeError(safe)
                else:
                    traceback.print_exc()
            answer = ("error", _portable(error))
        try:
            send(*answer)
        except Exception as error:  # the result does not pickle: a bug
            traceback.print_exc()
            send("error", _portable(error))
    finally:
        answers.close()


def _yield_to_the_window() -> None:
    """Run below the window's priority, and so do the processes this one starts (the print
    workers): on two cores, a run and its workers otherwise keep the window's thread waiting
    for a core (docs/performance.md, "Start-up")."""
    try:
        if sys.platform == "win32":
            import ctypes

            kernel = ctypes.windll.kernel32  # type: ignore[attr-defined,unused-ignore]
            kernel.SetPriorityClass(kernel.GetCurrentProcess(), BELOW_NORMAL_PRIORITY_CLASS)
        else:
            os.nice(NICENESS)
    except (OSError, AttributeError):  # not allowed: run at the window's priority
        pass


# An error as it crosses the pipe: its class, arguments and attributes. Pickled as themselves:
# an error class whose constructor takes other arguments than its message (CannotWrite, a
# path and a reason) does not unpickle through its constructor.
Portable = tuple[type[BaseException], tuple[Any, ...], dict[str, Any]]


def _portable(error: BaseException) -> Portable:
    whole: Portable = (type(error), error.args, dict(vars(error)))
    try:
        pickle.loads(pickle.dumps(whole))
    except Exception:  # something in it does not pickle: keep what the user reads
        if isinstance(error, ExamDeskError):
            return ExamDeskError, (str(error),), {"code": error.code, "fields": {}}
        return RuntimeError, (f"{type(error).__name__}: {error}",), {}
    return whole


def _rebuilt(portable: Portable) -> BaseException:
    kind, args, attributes = portable
    error = kind.__new__(kind)
    error.args = args
    vars(error).update(attributes)
    return error
