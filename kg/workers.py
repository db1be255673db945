"""Extraction in worker processes, delivered in input order to a single writer.

``kg build`` splits the work in two: N worker processes parse articles with ``nlp.pipe``
and run the extractors (:meth:`kg.pipeline.Pipeline.extract_batch`), while the main
process — the only one that touches the store — merges entities across articles (which
depends on input order), maps extractions to RDF and writes them. Both sides run at once.

With one worker the main process would wait for it most of the time (parsing costs about
four times what extracting and writing do), so the split moves: the worker only parses and
sends each ``Doc`` as bytes (``Doc.to_bytes``, ≈ 1 ms each way), and the main process runs the
extractors on it (:meth:`kg.pipeline.Pipeline.extract_parsed`) before writing — the same
extractions, with the parse alone on the worker's core.

The articles are cut into batches of :data:`BATCH` sent to a shared task queue, so a worker
that is done takes the next batch; results come back tagged with their batch's index and
are yielded in input order. At most :data:`AHEAD` batches per worker are in flight, which
bounds the extractions waiting in memory when the writer is the slower side.

Failure never hangs the build: an article that fails comes back as a one-line
:class:`kg.errors.ExtractionError`; a worker that dies (killed, out of memory) is noticed
within :data:`POLL` seconds; and workers exit by themselves when the main process is
killed (they watch their parent), so a SIGKILLed build leaves no orphan parsing on.

On Linux the workers are forked: they start without importing anything, share the main
process's pages (knowledge base, topic scheme, and the spaCy model when the main process
has already loaded it, as in the test suite) and load the model themselves otherwise.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import queue
import signal
import sys
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from kg.errors import ExtractionError, one_line
from kg.pipeline import extraction_failed
from kg.records import Article, Extraction

if TYPE_CHECKING:
    from kg.pipeline import Pipeline

BATCH = 4  # articles per task: enough for nlp.pipe to batch, few enough that the workers end together
AHEAD = 4  # batches in flight per worker
POLL = 0.5  # seconds between liveness checks, on both sides

_STARTUP = -1  # the index of a worker's message that it could not load the model


class Workers:
    """``n`` worker processes, started at once so that they load the spaCy model while the
    caller still reads its inputs; :meth:`extract` (once) hands them the articles.

    Use as a context manager, or call :meth:`close`: an early close (an error, nothing to
    extract after all) kills them at once.
    """

    def __init__(self, pipeline: Pipeline, n: int) -> None:
        ctx = _context()
        self._pipeline = pipeline
        self._parse_only = n == 1  # one worker parses; this process extracts (see the module's doc)
        self._tasks, self._results = ctx.Queue(), ctx.Queue()
        self._procs = [
            ctx.Process(target=_work, args=(pipeline, self._tasks, self._results, os.getpid(), self._parse_only),
                        name=f"kg-extract-{i + 1}", daemon=True)
            for i in range(n)
        ]
        for p in self._procs:
            p.start()
        self._finished = self._closed = False

    def extract(self, articles: Sequence[Article]) -> Iterator[Extraction]:
        """Extractions of ``articles``, in input order; the workers exit after the last one
        (their memory is free for what the caller does next)."""
        done = _in_order(in_batches(articles), self._tasks, self._results, self._procs)
        if self._parse_only:
            for batch, parsed in done:
                yield from self._pipeline.extract_parsed(batch, parsed)
        else:
            for _, extractions in done:
                yield from extractions
        self._finished = True
        self.close()

    def close(self) -> None:
        if not self._closed:
            self._closed = True
            _stop(self._procs, self._tasks, self._results, gracefully=self._finished)

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def extract_in_workers(pipeline: Pipeline, articles: Sequence[Article], workers: int) -> Iterator[Extraction]:
    """Extractions of ``articles`` by ``workers`` processes (no more than there are batches), in input order."""
    with Workers(pipeline, min(workers, len(in_batches(articles)))) as pool:
        yield from pool.extract(articles)


def in_batches(articles: Sequence[Article], size: int = BATCH) -> list[list[Article]]:
    """``articles`` cut into consecutive batches of ``size``: the unit of work of a worker."""
    return [list(articles[i : i + size]) for i in range(0, len(articles), size)]


def _context() -> mp.context.BaseContext:
    """fork where it is safe (Linux): no re-import, shared pages; spawn elsewhere."""
    if sys.platform.startswith("linux"):
        return mp.get_context("fork")
    return mp.get_context("spawn")


def _in_order(batches: list[list[Article]], tasks: mp.Queue, results: mp.Queue,
              procs: list[mp.Process]) -> Iterator[tuple[list[Article], list]]:
    """Feed ``tasks`` at most AHEAD batches per worker ahead of the writer; yield each batch
    with what its worker sent back (extractions, or parsed documents), in order."""
    sent = 0
    arrived: dict[int, list] = {}
    for k in range(len(batches)):
        while sent < len(batches) and sent < k + AHEAD * len(procs):
            tasks.put((sent, batches[sent]))
            sent += 1
        while k not in arrived:
            index, extractions = _receive(results, procs)
            arrived[index] = extractions
        yield batches[k], arrived.pop(k)


def _receive(results: mp.Queue, procs: list[mp.Process]) -> tuple[int, list[Extraction]]:
    """The next (index, extractions) a worker sends; raises on a failure or a dead worker."""
    dead = None
    while True:
        try:
            index, ok, payload = results.get(timeout=POLL)
        except queue.Empty:
            if dead is not None:  # and it said nothing on its way out
                raise ExtractionError(f"extraction worker {dead.name} died ({_exit_reason(dead.exitcode)}); "
                                      "nothing was stored for the articles it held") from None
            dead = next((p for p in procs if p.exitcode is not None), None)  # read what it sent first
            continue
        if not ok:
            raise ExtractionError(payload)
        return index, payload


def _exit_reason(code: int) -> str:
    if code < 0:
        try:
            return f"killed by {signal.Signals(-code).name}"
        except ValueError:
            return f"killed by signal {-code}"
    return f"exit code {code}"


def _stop(procs: list[mp.Process], tasks: mp.Queue, results: mp.Queue, gracefully: bool) -> None:
    """End the workers: after the last batch, let them exit; on an error, kill them at once."""
    for p in procs:
        if gracefully:
            tasks.put(None)
        elif p.is_alive():
            p.kill()
    for p in procs:
        p.join(timeout=10 if gracefully else 2)
        if p.is_alive():
            p.kill()
            p.join()
    for q in (tasks, results):  # never wait on a pipe nobody will read any more
        q.cancel_join_thread()
        q.close()


# --- in the worker process ---------------------------------------------------------------


def _work(pipeline: Pipeline, tasks: mp.Queue, results: mp.Queue, parent: int, parse_only: bool) -> None:
    """A worker's life: load the model, then extract (or only parse) batches until told to stop (None)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group: the main process handles it
    try:
        pipeline.nlp  # noqa: B018 -- load it now (or reuse the forked parent's), before any batch
    except Exception as e:  # noqa: BLE001 -- reported to the main process as one line
        results.put((_STARTUP, False, f"extraction worker could not load the French pipeline: {one_line(e)}"))
        return
    while (task := _next_task(tasks, parent)) is not None:
        index, batch = task
        try:
            results.put((index, True, pipeline.parse_batch(batch) if parse_only else pipeline.extract_batch(batch)))
        except Exception:  # noqa: BLE001
            results.put((index, False, _failure(pipeline, batch)))
            return


def _next_task(tasks: mp.Queue, parent: int) -> tuple[int, list[Article]] | None:
    """The next task; exits the process when the main process is gone (killed)."""
    while True:
        try:
            return tasks.get(timeout=POLL)
        except queue.Empty:
            if os.getppid() != parent:
                os._exit(1)


def _failure(pipeline: Pipeline, batch: list[Article]) -> str:
    """One line naming the article of a failed batch that fails on its own, and why."""
    for article in batch:
        try:
            pipeline.extract(article)
        except Exception as e:  # noqa: BLE001
            return extraction_failed(article, e)
    return f"extraction failed for a batch of {len(batch)} articles ({batch[0].name} …), not for any one alone"
