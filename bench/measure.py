"""Measuring whole processes: wall time, CPU time and peak memory of one child.

Every program runs under bench/spawn/measure_child (built with the benchmark),
a tiny launcher that forks, execs the program, and reports the wall time
around its whole life (fork to exit, CLOCK_MONOTONIC) and its own rusage from
wait4: user + system CPU time and peak RSS. Each run is measured alone
(RUSAGE_CHILDREN would accumulate over runs and keep the largest RSS of all).

Why a launcher rather than os.wait4 from here: on exec, Linux records the
peak RSS of the address space being replaced in the new program's
ru_maxrss, and a child forked from this runner starts out with the runner's
address space, so any program smaller than the runner (which holds a whole
generated case in memory) would read as big as the runner.
"""
import os
import statistics
import subprocess
import tempfile
from dataclasses import dataclass, field


@dataclass
class Run:
    wall_ms: float
    cpu_ms: float       # user + system
    rss_mib: float      # peak resident set size (ru_maxrss, KiB on Linux)
    stdout: str = ""


@dataclass
class Summary:
    runs: list = field(default_factory=list)

    def median(self, name):
        return statistics.median(getattr(r, name) for r in self.runs)

    def spread(self, name):
        """(min, max) over the runs, to judge how steady the median is."""
        values = [getattr(r, name) for r in self.runs]
        return min(values), max(values)


class ChildFailed(Exception):
    pass


def run_once(argv, launcher, cwd=None, env=None):
    """Runs argv to completion under the launcher; raises ChildFailed with its stderr if it fails."""
    with tempfile.NamedTemporaryFile(prefix="jan20-bench-", suffix=".txt") as report:
        child = subprocess.run([launcher, report.name, *argv], cwd=cwd, env=env, capture_output=True)
        fields = open(report.name).read().split()
    if child.returncode != 0 or len(fields) != 5:
        raise ChildFailed(f"{' '.join(argv)} exited with {child.returncode}:\n"
                          f"{child.stderr.decode(errors='replace')[-2000:]}")
    wall_ns, user_us, system_us, maxrss_kib, _ = (int(f) for f in fields)
    return Run(wall_ms=wall_ns / 1e6, cpu_ms=(user_us + system_us) / 1000, rss_mib=maxrss_kib / 1024,
               stdout=child.stdout.decode(errors="replace"))


def measure(argv, runs, launcher, cwd=None, env=None, warmup=1):
    """Median-ready runs of argv. The warm-up runs (not counted) fill the page
    cache with the fonts, images and binaries, as in a user's second build."""
    for _ in range(warmup):
        run_once(argv, launcher, cwd, env)
    return Summary([run_once(argv, launcher, cwd, env) for _ in range(runs)])


def pdf_pages(path):
    """Page count from pdfinfo (poppler-utils)."""
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise ValueError(f"pdfinfo printed no page count for {path}")
