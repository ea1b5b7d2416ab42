"""Throughput of the full ``ingest`` next to bare spaCy ``nlp.pipe`` on the same texts, in one run.

Usage:
    python benchmarks/bench_ingest.py DOCS.jsonl [--limit 500] [--sizes 100,200,400] [--json OUT]
    python benchmarks/bench_ingest.py DOCS.jsonl --profile 300      # cProfile of ingest, top 25 cumulative

DOCS.jsonl is a gold file of the common evaluation format or any JSONL with ``id`` and ``text``
(answers, if any, are dropped before ingesting). For each corpus size it measures, each in a
fresh process so that peak memory is its own:

    bare     nlp.pipe(texts, batch_size=32) with conflictlog.extract.load_pipeline(), all components
    jobs1    conflictlog.run.ingest.ingest into a temporary SQLite database, one process
    jobs2    the same with --jobs 2 (two worker processes)

and prints documents/s and words/s (also per core), peak resident memory, and the ratios
ingest/bare and jobs2/jobs1 (scaling efficiency = speed-up / 2). Loading the pipeline is timed
apart: the ingest rates leave one load out so that they compare with bare spaCy's. CPU seconds
(user + system, of the phase's process and its workers) are shown too: on a machine shared with
other jobs they say what each phase costs better than the wall clock. A last line says how much
the extractor's lexical pre-filter spared spaCy (documents not parsed, sentences blanked); the
bare phase always parses every full text.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PHASES = ("bare", "jobs1", "jobs2")
CORES = {"load": 1, "bare": 1, "jobs1": 1, "jobs2": 2}


def read_documents(path: Path, limit: int) -> list[dict[str, Any]]:
    """The first ``limit`` documents of a JSONL file, without their ``gold`` answers."""
    documents = []
    with open(path, encoding="utf-8") as stream:
        for line in stream:
            if line.strip() and len(documents) < limit:
                documents.append({k: v for k, v in json.loads(line).items() if k != "gold"})
    return documents


def peak_rss_mib(children: bool = False) -> float:
    """Peak resident memory of this process (or of its largest finished child) in MiB."""
    who = resource.RUSAGE_CHILDREN if children else resource.RUSAGE_SELF
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def run_bare(documents: list[dict[str, Any]]) -> dict[str, float]:
    """Time nlp.pipe over the texts with the pipeline conflictlog loads."""
    from conflictlog.extract import load_pipeline

    started = time.perf_counter()
    nlp = load_pipeline()
    loaded = time.perf_counter()
    for _ in nlp.pipe((d.get("text") or "" for d in documents), batch_size=32):
        pass
    return {"load_seconds": loaded - started, "seconds": time.perf_counter() - loaded}


def run_ingest(documents: list[dict[str, Any]], jobs: int) -> dict[str, float]:
    """Time the full ingest of the documents into a temporary SQLite database."""
    from conflictlog.config import Settings
    from conflictlog.run.ingest import ingest
    from conflictlog.run.pipeline import PipelineSpec

    with tempfile.TemporaryDirectory(prefix="conflictlog-bench-") as scratch:
        inputs = Path(scratch) / "docs.jsonl"
        inputs.write_text("".join(json.dumps(d) + "\n" for d in documents), encoding="utf-8")
        started = time.perf_counter()
        summary = ingest([str(inputs)], Settings(db=str(Path(scratch) / "bench.sqlite")), jobs=jobs)
    return {"total_seconds": time.perf_counter() - started, "events": summary.events}


def run_load() -> dict[str, float]:
    """Time what ingest loads before its first document: spaCy pipeline and gazetteer."""
    from conflictlog.run.pipeline import PipelineSpec

    started = time.perf_counter()
    PipelineSpec().build()
    return {"load_seconds": time.perf_counter() - started}


def run_phase(phase: str, path: Path, size: int) -> dict[str, Any]:
    """One measurement in this process (the child side of ``measure``)."""
    documents = read_documents(path, size)
    if phase == "load":
        result = run_load()
    elif phase == "bare":
        result = run_bare(documents)
    else:
        result = run_ingest(documents, CORES[phase])
    result["peak_rss_mib"] = peak_rss_mib()
    result["peak_rss_child_mib"] = peak_rss_mib(children=True)
    return result


def in_fresh_process(phase: str, path: Path, size: int) -> dict[str, Any]:
    """Run one phase in a new Python process; its JSON result."""
    command = [sys.executable, __file__, str(path), "--phase", phase, "--limit", str(size)]
    before = cpu_seconds_of_children()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["cpu_seconds"] = cpu_seconds_of_children() - before
    return result


def cpu_seconds_of_children() -> float:
    """User + system CPU seconds of every finished child process (and their children) so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def prefilter_line(documents: list[dict[str, Any]]) -> str:
    """How much the extractor's pre-filter spares spaCy on these texts (as ingest prepares them)."""
    from conflictlog.extract.prefilter import Prefilter
    from conflictlog.models import Document
    from conflictlog.text import prepare

    prefilter, skipped, sentences, kept, words, kept_words = Prefilter.load(), 0, 0, 0, 0, 0
    for raw in documents:
        text = prepare(Document(document_id="bench", text=raw.get("text") or "", content_hash="bench")).text
        screened = prefilter.screen(text)
        skipped += not screened.relevant
        sentences, kept = sentences + screened.sentences, kept + screened.kept
        words += len(text.split())
        kept_words += len(screened.text.split()) if screened.relevant else 0
    return (f"pre-filter: {skipped} of {len(documents)} documents not parsed; spaCy read {kept} of {sentences} "
            f"sentences, {kept_words / max(words, 1):.0%} of the words (bare spaCy reads them all)")


def measure(phase: str, path: Path, size: int, load_seconds: float) -> dict[str, Any]:
    """One phase's time and memory, with its rates; ingest leaves one pipeline load out."""
    result = in_fresh_process(phase, path, size)
    if phase != "bare":  # workers load their pipelines side by side: one load is the fair deduction
        result.update(load_seconds=load_seconds, seconds=max(result["total_seconds"] - load_seconds, 1e-9))
    result["work_cpu_seconds"] = max(result["cpu_seconds"] - CORES[phase] * result["load_seconds"], 1e-9)
    documents = read_documents(path, size)
    words = sum(len((d.get("text") or "").split()) for d in documents)
    seconds, cores = result["seconds"], CORES[phase]
    result.update(phase=phase, documents=len(documents), words=words, cores=cores,
                  docs_per_s=len(documents) / seconds, words_per_s=words / seconds,
                  docs_per_s_per_core=len(documents) / seconds / cores, words_per_s_per_core=words / seconds / cores)
    return result


def ratios(results: dict[str, dict[str, Any]]) -> dict[str, float]:
    """ingest/bare speed (1.0 = as fast as bare spaCy) and jobs2/jobs1 scaling efficiency."""
    bare, one, two = (results[p]["docs_per_s"] for p in PHASES)
    cpu_bare, cpu_one = (results[p]["work_cpu_seconds"] for p in ("bare", "jobs1"))
    return {"ingest_vs_bare": one / bare, "jobs2_speedup": two / one, "jobs2_efficiency": two / one / 2,
            "ingest_vs_bare_cpu": cpu_bare / cpu_one}


def print_table(size: int, results: dict[str, dict[str, Any]], summary: dict[str, float]) -> None:
    """One block per corpus size."""
    print(f"\n{size} documents, {results['bare']['words']} words")
    print(f"{'phase':<7}{'docs/s':>9}{'words/s':>10}{'docs/s/core':>13}{'words/s/core':>14}{'seconds':>9}"
          f"{'load s':>8}{'cpu s':>8}{'peak MiB':>10}{'child MiB':>11}")
    for phase in PHASES:
        r = results[phase]
        print(f"{phase:<7}{r['docs_per_s']:>9.1f}{r['words_per_s']:>10.0f}{r['docs_per_s_per_core']:>13.1f}"
              f"{r['words_per_s_per_core']:>14.0f}{r['seconds']:>9.1f}{r['load_seconds']:>8.1f}{r['cpu_seconds']:>8.1f}"
              f"{r['peak_rss_mib']:>10.0f}{r['peak_rss_child_mib']:>11.0f}")
    print("ingest/bare {ingest_vs_bare:.2f}   jobs2/jobs1 {jobs2_speedup:.2f} "
          "(scaling efficiency {jobs2_efficiency:.0%})   ingest/bare by CPU seconds "
          "(loads left out) {ingest_vs_bare_cpu:.2f}".format(**summary))


def profile_ingest(path: Path, size: int, top: int = 25) -> str:
    """cProfile of a one-process ingest: the ``top`` functions by cumulative time, overall and conflictlog's own."""
    documents = read_documents(path, size)
    profiler = cProfile.Profile()
    profiler.enable()
    run_ingest(documents, jobs=1)
    profiler.disable()
    report = io.StringIO()
    stats = pstats.Stats(profiler, stream=report)
    stats.sort_stats("cumulative").print_stats(top)
    report.write("\nconflictlog's own functions (what runs beyond spaCy), by cumulative time:\n")
    stats.print_stats(r"conflictlog", top)
    report.write("\nby own (total) time:\n")
    stats.sort_stats("tottime").print_stats(top)
    return report.getvalue()


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("documents", type=Path, help="gold or input JSONL (id, text, ...)")
    parser.add_argument("--limit", type=int, default=500, help="documents to use (default 500)")
    parser.add_argument("--sizes", help="comma-separated corpus sizes to show scaling, e.g. 100,200,400")
    parser.add_argument("--json", type=Path, metavar="OUT", help="also write every number as JSON")
    parser.add_argument("--profile", type=int, metavar="N", help="profile the ingest of N documents instead")
    parser.add_argument("--phase", choices=tuple(CORES), help=argparse.SUPPRESS)  # internal: one measurement
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark (or one internal phase, or the profile)."""
    args = parse_args(argv)
    if args.phase:
        print(json.dumps(run_phase(args.phase, args.documents, args.limit)))
        return 0
    if args.profile:
        print(profile_ingest(args.documents, args.profile))
        return 0
    sizes = [int(s) for s in args.sizes.split(",")] if args.sizes else [args.limit]
    print(f"conflictlog ingest benchmark: {args.documents.name}, {os.cpu_count()} CPU cores")
    report = []
    load = in_fresh_process("load", args.documents, 1)
    print(f"pipeline load (spaCy + gazetteer): {load['load_seconds']:.1f} s, {load['peak_rss_mib']:.0f} MiB")
    for size in sizes:
        results = {phase: measure(phase, args.documents, size, load["load_seconds"]) for phase in PHASES}
        summary = ratios(results)
        print_table(size, results, summary)
        print(prefilter_line(read_documents(args.documents, size)))
        report.append({"size": size, "phases": results, "ratios": summary})
    if args.json:
        args.json.write_text(json.dumps({"input": args.documents.name, "cpu_cores": os.cpu_count(), "load": load,
                                         "runs": report}, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
