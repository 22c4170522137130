"""Build the further variants and the parallel view in forked processes, beside the first variant.

Why fork: after ``pipeline.analyse`` the parsed article, the OpenCC tables and jieba's dictionary
are in memory; a forked child starts with all of them (copy-on-write), so on two cores the
variants cost about the time of the slowest one instead of their sum (docs/benchmarks.md).
A fresh ``python`` per variant would pay the imports, jieba and the parse again.

Each child runs one nested ``mkdocs build`` into its own folder, then sends one pickled message
back over a pipe: the problems it found in the source (the parent reports them with its own, in
a fixed order, so the build summary does not depend on which child finished first) or the error
that stopped it.  A child never returns into the parent's stack: it always ends in ``os._exit``.

Where ``os.fork`` does not exist, or ``jobs`` is 1, the plugin builds one variant after the other.
"""

from __future__ import annotations

import logging
import os
import pickle
import sys
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


def available_cpus() -> int:
    """CPUs this process may run on (the affinity mask, so a container's limit counts)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def can_fork() -> bool:
    return hasattr(os, "fork")


@dataclass
class Worker:
    """A forked child doing one piece of work; :meth:`result` waits for it."""

    label: str
    pid: int
    fd: int

    def result(self) -> Any:
        """The child's return value; raises :class:`WorkerError` if it failed."""
        chunks = []
        with os.fdopen(self.fd, "rb") as f:
            while chunk := f.read(1 << 16):
                chunks.append(chunk)
        _, status = os.waitpid(self.pid, 0)
        data = b"".join(chunks)
        if not data:
            raise WorkerError(self.label, f"the process ended without a result (exit status {status})", None)
        kind, payload = pickle.loads(data)  # written by run_forked's child, over our own pipe
        if kind == "error":
            message, exc = payload
            raise WorkerError(self.label, message, exc)
        return payload


def lower_priority(step: int = 10) -> None:
    """Let this process run only when a CPU is free of normal-priority work (Unix ``nice``)."""
    try:
        os.nice(step)
    except (AttributeError, OSError):
        pass


def stop(worker: Worker) -> None:
    """End a child whose result is no longer wanted, and reap it."""
    import signal

    try:
        os.kill(worker.pid, signal.SIGTERM)
        os.waitpid(worker.pid, 0)
    except (ProcessLookupError, ChildProcessError):
        pass
    try:
        os.close(worker.fd)
    except OSError:
        pass


class WorkerError(Exception):
    """A child failed; ``original`` is its exception when that could be sent back (e.g. MkDocs' Abort)."""

    def __init__(self, label: str, message: str, original: BaseException | None) -> None:
        super().__init__(f"{label}: {message}")
        self.label = label
        self.message = message
        self.original = original


class Batch:
    """Tasks run in forked children, at most *limit* at once; results come back in the order added.

    A child that finishes frees its slot for the next task (``finish`` watches every running
    child's pipe at once, so a long task does not hold up the start of the others).  After a
    failure no further task is started; the running ones are waited for, then the first failure
    (in the order added) is raised.
    """

    def __init__(self, limit: int) -> None:
        self.limit = max(1, limit)
        self._queue: list[tuple[int, str, Callable[[], Any]]] = []
        self._running: dict[int, Worker] = {}
        self._results: dict[int, Any] = {}
        self._errors: dict[int, WorkerError] = {}
        self._count = 0

    def add(self, label: str, work: Callable[[], Any], *, first: bool = False) -> None:
        """Queue a task; *first* puts it at the front of the queue (a long task should start early)."""
        item = (self._count, label, work)
        self._count += 1
        if first:
            self._queue.insert(0, item)
        else:
            self._queue.append(item)

    def start(self) -> None:
        """Start queued tasks while slots are free."""
        while self._queue and len(self._running) < self.limit and not self._errors:
            index, label, work = self._queue.pop(0)
            self._running[index] = run_forked(label, work)

    def finish(self) -> list[Any]:
        """Run everything to the end; the results in the order the tasks were added."""
        import select

        self.start()
        while self._running:
            by_fd = {w.fd: i for i, w in self._running.items()}
            ready, _, _ = select.select(list(by_fd), [], [])
            for fd in ready:
                index = by_fd[fd]
                worker = self._running.pop(index)
                try:
                    self._results[index] = worker.result()
                except WorkerError as exc:
                    self._errors[index] = exc
            self.start()
        if self._errors:
            self._queue.clear()
            raise self._errors[min(self._errors)]
        return [self._results[i] for i in sorted(self._results)]

    def stop(self) -> None:
        """End every running child and forget the queue."""
        for w in self._running.values():
            stop(w)
        self._running.clear()
        self._queue.clear()

    def __bool__(self) -> bool:
        return bool(self._queue or self._running)


def run_forked(label: str, work: Callable[[], Any]) -> Worker:
    """Run *work* in a forked child; its return value must pickle."""
    read_fd, write_fd = os.pipe()
    _flush()
    pid = os.fork()
    if pid:
        os.close(write_fd)
        return Worker(label, pid, read_fd)
    # -- the child ---------------------------------------------------------------------------------
    status = 0
    try:
        os.close(read_fd)
        try:
            message: tuple[str, Any] = ("ok", work())
        except BaseException as exc:  # noqa: BLE001 - everything goes back to the parent
            status = 1
            if not _is_reported(exc):
                traceback.print_exc()
            message = ("error", (str(exc) or type(exc).__name__, _picklable(exc)))
        with os.fdopen(write_fd, "wb") as f:
            pickle.dump(message, f, protocol=pickle.HIGHEST_PROTOCOL)
    finally:
        _flush()
        os._exit(status)


def _is_reported(exc: BaseException) -> bool:
    """MkDocs' own Abort/BuildError have been logged by the nested build already."""
    from mkdocs.exceptions import MkDocsException

    return isinstance(exc, MkDocsException)


def _picklable(exc: BaseException) -> BaseException | None:
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 - an exception that does not survive the pipe is sent as text
        return None
    return exc


def _flush() -> None:
    for handler in logging.getLogger().handlers + logging.getLogger("mkdocs").handlers:
        handler.flush()
    sys.stdout.flush()
    sys.stderr.flush()
