#!/usr/bin/env python3
"""Two jan20-pdf binaries on the same projects, run alternately: A, B, A, B, …

A change's effect on wall and CPU time is easily lost between two benchmark
runs minutes apart on a shared machine (load comes and goes). Alternating the
two binaries run by run puts both under the same load; the medians and the
ratio B/A are what to quote.

    python3 bench/ab.py --a old/jan20-pdf --b build/src/cli/jan20-pdf [--case p240] [--runs 7]

Cases are bench/generate.py's (written into bench/work if missing),
"project" (this repository's four editions), and "booklet" and "poster" (the
repository's az editions). Whole processes, measured by the
same launcher as bench/run.py (wall, CPU = user + system, peak RSS).
"""
import argparse
import os
import statistics
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import generate  # noqa: E402
import measure  # noqa: E402
from run import REPO, build_release  # noqa: E402


def one_run(binary, launcher, project, args, out_dir):
    argv = [binary, "-C", project, "build", *args, "-q", "--out", out_dir]
    return measure.run_once(argv, launcher)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--a", required=True, help="the binary before")
    parser.add_argument("--b", required=True, help="the binary after")
    parser.add_argument("--case", action="append", choices=sorted(generate.CASES) + ["project", "booklet", "poster"])
    parser.add_argument("--runs", type=int, default=7, help="runs of each binary per case (after one warm-up each)")
    parser.add_argument("--build-dir", default=os.path.join(REPO, "build-release"))
    parser.add_argument("--work", default=os.path.join(HERE, "work"))
    args = parser.parse_args()

    build_release(args.build_dir, ["jan20_bench_measure_child"])
    launcher = os.path.join(args.build_dir, "bench", "jan20_bench_measure_child")
    binaries = {"A": os.path.abspath(args.a), "B": os.path.abspath(args.b)}
    print(f"A: {binaries['A']}\nB: {binaries['B']}\n{args.runs} runs each, alternating; medians; "
          f"load average at start {os.getloadavg()[0]:.2f}")
    print(f"{'case':10}{'':3}{'wall ms':>10}{'CPU ms':>10}{'peak MiB':>10}")
    for case in args.case or list(generate.CASES) + ["project"]:
        if case == "project":
            project, doc_args = REPO, []
        elif case in ("booklet", "poster"):  # the real az edition
            project, doc_args = REPO, [case, "--lang", "az"]
        else:
            project, _ = generate.generate(case, generate.CASES[case], args.work)
            doc_args = ["booklet", "--lang", "az"]
        runs = {"A": [], "B": []}
        for i in range(args.runs + 1):
            for name, binary in binaries.items():
                r = one_run(binary, launcher, project, doc_args, os.path.join(args.work, "out", "ab", name))
                if i > 0:  # the first of each is a warm-up
                    runs[name].append(r)
        med = {name: {key: statistics.median(getattr(r, key) for r in rs) for key in ("wall_ms", "cpu_ms", "rss_mib")}
               for name, rs in runs.items()}
        for name in ("A", "B"):
            m = med[name]
            print(f"{case:10}{name:3}{m['wall_ms']:10.1f}{m['cpu_ms']:10.1f}{m['rss_mib']:10.1f}")
        ratio = {key: med["B"][key] / med["A"][key] for key in ("wall_ms", "cpu_ms", "rss_mib")}
        print(f"{'':10}{'B/A':3}{ratio['wall_ms']:10.3f}{ratio['cpu_ms']:10.3f}{ratio['rss_mib']:10.3f}")
    print(f"load average at end {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
