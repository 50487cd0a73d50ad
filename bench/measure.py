"""Measuring whole processes: wall time, CPU time and peak memory of one child.

Wall time is time.perf_counter() around the child's whole life (fork, exec,
exit). CPU time and peak resident set size come from the child's own rusage
as os.wait4 returns it, so nothing else the runner does is counted and each
run is measured alone (RUSAGE_CHILDREN would accumulate over runs and keep
the largest RSS of all of them).
"""
import os
import statistics
import subprocess
import time
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


def run_once(argv, cwd=None, env=None):
    """Runs argv to completion; raises ChildFailed with its stderr if it fails."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    # Read the pipes first (a chatty child would block on a full pipe), then
    # reap it ourselves with wait4 to get its rusage and nobody else's.
    out, err = child.stdout.read(), child.stderr.read()
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    child.stdout.close()
    child.stderr.close()
    if child.returncode != 0:
        raise ChildFailed(f"{' '.join(argv)} exited with {child.returncode}:\n{err.decode(errors='replace')[-2000:]}")
    return Run(wall_ms=wall * 1000, cpu_ms=(usage.ru_utime + usage.ru_stime) * 1000,
               rss_mib=usage.ru_maxrss / 1024, stdout=out.decode(errors="replace"))


def measure(argv, runs, cwd=None, env=None, warmup=1):
    """Median-ready runs of argv. The warm-up runs (not counted) fill the page
    cache with the fonts, images and binaries, as in a user's second build."""
    for _ in range(warmup):
        run_once(argv, cwd, env)
    return Summary([run_once(argv, cwd, env) for _ in range(runs)])


def pdf_pages(path):
    """Page count from pdfinfo (poppler-utils)."""
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    raise ValueError(f"pdfinfo printed no page count for {path}")
