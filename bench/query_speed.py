"""Saved-query latency on a synthetic graph: the Oxigraph store against rdflib in memory.

    python bench/query_speed.py [--triples 1000000] [--runs 5] [--queries NAME ...]

Builds (or reuses, from ``bench/.cache/``) a synthetic store of ``--triples`` quads in kg's
own model (``bench/synthetic_graph.py``), loads the same quads into an rdflib in-memory
``Dataset`` (union default graph), then times every saved query of ``queries/*.rq``, with
no parameters and with the parameters of each of its ``# example:`` lines, on both, in the
same run. Each timing materialises every row. Prints the median and p90 of ``--runs`` runs
(after one warm-up), the ratio rdflib / Oxigraph, and whether the Oxigraph median meets
the target of issue #3: < 100 ms.

Oxigraph is timed through ``kg.store.Store.query`` (what ``kg query`` runs, including the
conversion of rows to rdflib terms). Each query runs on each backend in a forked child, so
one slower than ``--timeout`` seconds (``--ox-timeout`` on Oxigraph) is stopped and reported
as "> 60 s", and one that
allocates more than ``--memory`` GB is stopped and reported as an error.
"""

from __future__ import annotations

import multiprocessing as mp
import resource
import shlex
import statistics
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import click
from rdflib import Dataset, Graph, URIRef

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_graph import ROOT, disk_size, synthetic_store  # noqa: E402

from kg.bindings import with_bindings  # noqa: E402
from kg.errors import KgError  # noqa: E402
from kg.graph import vocabulary as v  # noqa: E402
from kg.query import SavedQuery, catalogue, prepare  # noqa: E402
from kg.store import Store  # noqa: E402

TARGET_MS = 100.0


@dataclass
class Timing:
    rows: int | None = None
    times: list[float] | None = None  # seconds, timed runs only
    timeout: float | None = None  # a run took longer than this many seconds
    error: str | None = None

    def median(self) -> float | None:
        return statistics.median(self.times) * 1000 if self.times else None

    def p90(self) -> float | None:
        if not self.times:
            return None
        if len(self.times) == 1:
            return self.times[0] * 1000
        return statistics.quantiles(self.times, n=10, method="inclusive")[8] * 1000


def example_params(example: str) -> dict[str, str]:
    """The ``--param k=v`` / ``-p k=v`` pairs of an ``# example:`` line."""
    words, out = shlex.split(example), {}
    for i, word in enumerate(words):
        value = None
        if word in {"--param", "-p"} and i + 1 < len(words):
            value = words[i + 1]
        elif word.startswith("--param="):
            value = word.split("=", 1)[1]
        if value and "=" in value:
            key, val = value.split("=", 1)
            out[key] = val
    return out


def cases(queries: dict[str, SavedQuery]) -> list[tuple[SavedQuery, dict[str, str]]]:
    """Each query without parameters, then with each distinct example's parameters."""
    out = []
    for q in queries.values():
        seen: list[dict[str, str]] = [{}]
        for ex in q.examples:
            params = example_params(ex)
            if params not in seen:
                seen.append(params)
        out += [(q, p) for p in seen]
    return out


def count(result) -> int:
    if result.type == "ASK":
        return 1
    if result.type in {"CONSTRUCT", "DESCRIBE"}:
        return len(result.graph)
    return len(list(result))


def _oxigraph_runner(store_dir: Path, text: str, binds):
    store = Store.open(store_dir, read_only=True)  # this child's own handle
    return lambda: count(store.query(text, binds))


def _rdflib_runner(text: str):
    return lambda: count(_DATASET.query(text))


def _child(conn, make_runner, args, runs: int, memory: int) -> None:
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    try:
        run = make_runner(*args)
        for i in range(runs + 1):
            t0 = time.perf_counter()
            rows = run()
            conn.send(("run", i, rows, time.perf_counter() - t0))
    except MemoryError:
        conn.send(("error", "out of memory"))
    except Exception as e:  # reported, not raised: the parent goes on with the next query
        conn.send(("error", f"{type(e).__name__}: {e}".splitlines()[0]))
    conn.send(("done",))


def timed(make_runner, args, runs: int, timeout: float, memory_gb: float, start: str = "fork") -> Timing:
    """Warm-up + ``runs`` timed runs in a child process, killed when one run exceeds ``timeout``
    seconds; the child may use ``memory_gb`` GB of address space beyond the parent's.

    rdflib children are forked (they inherit the loaded Dataset); Oxigraph children are
    spawned, since RocksDB cannot be reopened in a forked child of a process that used it.
    """
    ctx = mp.get_context(start)
    parent, child = ctx.Pipe(duplex=False)
    memory = _address_space() + int(memory_gb * 2**30)
    proc = ctx.Process(target=_child, args=(child, make_runner, args, runs, memory), daemon=True)
    proc.start()
    child.close()
    out = Timing(times=[])
    try:
        while True:
            if not parent.poll(timeout):
                out.timeout = timeout
                break
            try:
                msg = parent.recv()
            except EOFError:  # the child died (killed by the memory limit)
                out.error = out.error or f"child died (exit {proc.exitcode}), probably out of memory"
                break
            if msg[0] == "done":
                break
            if msg[0] == "error":
                out.error = msg[1]
                continue
            _, i, rows, elapsed = msg
            out.rows = rows
            if i:
                out.times.append(elapsed)
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
    return out


def load_rdflib(store: Store) -> Dataset:
    """The store's quads in an rdflib in-memory Dataset whose default graph is the union."""
    ds = Dataset(default_union=True)
    for prefix, namespace in v.PREFIXES.items():
        ds.bind(prefix, namespace, override=True)
    graphs: dict[URIRef, Graph] = {}

    def quads():
        for s, p, o, g in store.quads():
            if (graph := graphs.get(g)) is None:
                graph = graphs[g] = ds.graph(g)
            yield s, p, o, graph

    ds.addN(quads())
    return ds


def _address_space() -> int:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    return 0


def ms(x: float | None) -> str:
    if x is None:
        return "—"
    return f"{x:,.1f}" if x < 1000 else f"{x:,.0f}"


def describe(t: Timing) -> tuple[str, str]:
    """Median and p90 columns."""
    if t.error:
        return "error", "—"
    if t.timeout:
        return f"> {t.timeout:g} s", "—"
    return ms(t.median()), ms(t.p90())


@click.command()
@click.option("--triples", default=1_000_000, show_default=True, help="Size of the synthetic store (quads).")
@click.option("--runs", default=5, show_default=True, help="Timed runs per query and backend (after 1 warm-up).")
@click.option("--queries", "names", multiple=True, help="Only these saved queries (repeatable).")
@click.option("--timeout", default=60.0, show_default=True, help="Stop a query's rdflib runs after this many seconds.")
@click.option("--ox-timeout", default=10.0, show_default=True, help="Stop a query's Oxigraph runs after this many seconds.")
@click.option("--memory", "memory_gb", default=6.0, show_default=True, help="GB a query may allocate before it is stopped.")
@click.option("--no-rdflib", is_flag=True, help="Time Oxigraph only.")
def main(triples: int, runs: int, names: tuple[str, ...], timeout: float, ox_timeout: float, memory_gb: float, no_rdflib: bool) -> None:
    global _DATASET
    t0 = time.perf_counter()
    path, info = synthetic_store(triples)
    store_dir = path / "store"
    print(
        f"synthetic store: {info['triples']:,} quads, {info['articles']:,} articles, "
        f"{disk_size(store_dir) / 1e6:,.0f} MB on disk (generated in {info['seconds']} s)"
    )
    queries = catalogue(ROOT / "queries")
    if names:
        missing = [n for n in names if n not in queries]
        if missing:
            raise click.ClickException(f"no saved query {', '.join(missing)}; saved queries: {', '.join(queries)}")
        queries = {n: queries[n] for n in names}
    todo = []  # (query, shown params, bound terms or the error)
    with Store.open(store_dir, read_only=True) as store:
        for q, params in cases(queries):
            label = " ".join(f"{k}={val}" for k, val in params.items()) or "—"
            try:
                todo.append((q, label, prepare(q, params, store)))
            except KgError as e:
                todo.append((q, label, e))
        if not no_rdflib:
            t1 = time.perf_counter()
            _DATASET = load_rdflib(store)
            print(f"rdflib Dataset: {len(_DATASET):,} triples loaded in {time.perf_counter() - t1:.0f} s")

    header = ("query", "params", "rows", "ox median ms", "ox p90 ms", "rdflib median ms", "rdflib/ox", "< 100 ms")
    table = []
    for q, label, prepared in todo:
        if isinstance(prepared, KgError):
            print(f"  {q.name} {label}: {prepared}", file=sys.stderr)
            table.append((q.name, label, "—", "needs params", "—", "—", "—", "—"))
            continue
        text, binds = prepared
        ox = timed(_oxigraph_runner, (store_dir, text, binds), runs, ox_timeout, memory_gb, "spawn")
        if ox.error:
            print(f"  {q.name} {label}: Oxigraph: {ox.error}", file=sys.stderr)
        rd = Timing()
        if not no_rdflib:
            rd = timed(_rdflib_runner, (with_bindings(text, binds),), runs, timeout, memory_gb)
            if rd.error:
                print(f"  {q.name} {label}: rdflib: {rd.error}", file=sys.stderr)
            elif rd.rows is not None and ox.rows is not None and rd.rows != ox.rows:
                print(f"  {q.name} {label}: rows differ: Oxigraph {ox.rows}, rdflib {rd.rows}", file=sys.stderr)
        ox_med, ox_p90 = describe(ox)
        rd_med = describe(rd)[0] if not no_rdflib else "—"
        if ox.median() and rd.median():
            ratio = f"{rd.median() / ox.median():,.0f}×"
        elif ox.median() and rd.timeout:
            ratio = f"> {rd.timeout * 1000 / ox.median():,.0f}×"
        elif rd.median() and ox.timeout:
            ratio = f"< {rd.median() / (ox.timeout * 1000):,.1f}×"
        else:
            ratio = "—"
        met = "✓" if ox.median() is not None and ox.median() < TARGET_MS else "✗"
        rows = ox.rows if ox.rows is not None else rd.rows  # rdflib's when Oxigraph gave up
        rows = "—" if rows is None else f"{rows:,}"
        table.append((q.name, label, rows, ox_med, ox_p90, rd_med, ratio, met))
        print(f"  {' | '.join(table[-1])}", flush=True)

    print()
    widths = [max(len(str(r[i])) for r in [header, *table]) for i in range(len(header))]
    right = {2, 3, 4, 5, 6}
    for row in [header, tuple("-" * w for w in widths), *table]:
        cells = [str(c).rjust(w) if i in right else str(c).ljust(w) for i, (c, w) in enumerate(zip(row, widths))]
        print("  ".join(cells).rstrip())
    print(f"\n{runs} timed runs after 1 warm-up; total {time.perf_counter() - t0:.0f} s")


if __name__ == "__main__":
    main()
