"""CI check: generate seeded dispatch instances, solve each with vppsim and HiGHS,
and fail unless the objectives agree to 1e-6 relative.

vppsim writes the instances (so both solvers see the same MPS file) and solves
them twice: from the MPS file with the general path, and from the in-memory
model with the structured path.

Usage: python3 tools/solver/check_against_highs.py [--assets 1 2 5 10] [--seeds 1 2]
Run from the package root; builds `solve-mps` in release mode first.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

from highs_solve import solve as highs_solve

RELATIVE_TOLERANCE = 1e-6  # from issue 3


def run(cmd):
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def relative_difference(a, b):
    return abs(a - b) / max(1.0, abs(a), abs(b))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--assets", type=int, nargs="+", default=[1, 2, 5, 10])
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--configuration", choices=["debug", "release"], default="release",
                        help="build of solve-mps to use (the test script uses the debug build "
                             "it has already made)")
    args = parser.parse_args()
    build = ["swift", "build", "-c", args.configuration]
    run(build + ["--product", "solve-mps"])
    binary = os.path.join(run(build + ["--show-bin-path"]).strip(), "solve-mps")
    failures = 0
    with tempfile.TemporaryDirectory() as tmp:
        for assets in args.assets:
            for seed in args.seeds:
                for quadratic in (False, True):
                    extra = ["--quadratic"] if quadratic else []
                    common = ["--assets", str(assets), "--seed", str(seed)] + extra
                    path = os.path.join(tmp, f"dispatch_{assets}_{seed}_{int(quadratic)}.mps")
                    run([binary, "generate", "--out", path] + common)
                    general = json.loads(run([binary, path, "--json"]))
                    structured = json.loads(run([binary, "dispatch", "--json"] + common))
                    reference = highs_solve(path, "ipm" if quadratic else "simplex")
                    worst = max(relative_difference(general["objective"], reference["objective"]),
                                relative_difference(structured["objective"],
                                                    reference["objective"]))
                    ok = (general["status"] == "optimal" and structured["status"] == "optimal"
                          and worst <= RELATIVE_TOLERANCE)
                    failures += 0 if ok else 1
                    print(f"{'ok  ' if ok else 'FAIL'} N={assets:<3} seed={seed} "
                          f"quadratic={quadratic!s:<5} highs={reference['objective']:.10g} "
                          f"general={general['objective']:.10g} "
                          f"structured={structured['objective']:.10g} rel.diff={worst:.2e}")
    print(f"{failures} disagreement(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
