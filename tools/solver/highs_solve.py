"""Solve one MPS file with HiGHS and print status, objective and time as JSON.

Usage: python3 highs_solve.py FILE.mps [--method simplex|ipm] [--time-limit SECONDS]

A model with quadratic costs (QUADOBJ/QMATRIX) goes to HiGHS's own QP method whatever
--method says; the output then says "method": "qp". That method can take minutes on
models vppsim solves in a second, so give such models a --time-limit.
"""
import sys
import argparse
import json
import resource
import time

import highspy


def solve(path, method="simplex", time_limit=None, threads=None, warn=False):
    """Returns a dict with status, objective, seconds, iterations for one MPS file; with
    `warn`, says on stderr when a quadratic model goes to the QP method without a time limit."""
    highs = highspy.Highs()
    highs.setOptionValue("output_flag", False)
    highs.setOptionValue("solver", method)
    if time_limit is not None:
        highs.setOptionValue("time_limit", float(time_limit))
    if threads is not None:
        highs.setOptionValue("threads", int(threads))
    highs.readModel(path)
    quadratic = highs.getModel().hessian_.dim_ > 0
    if warn and quadratic and time_limit is None:
        print(f"{path}: quadratic costs: HiGHS's QP method runs (not {method}) and may take "
              "minutes; --time-limit bounds it", file=sys.stderr)
    start, cpu_start = time.perf_counter(), time.process_time()
    highs.run()
    seconds = time.perf_counter() - start
    cpu_seconds = time.process_time() - cpu_start
    info = highs.getInfo()
    if quadratic:
        method, iterations = "qp", info.qp_iteration_count
    elif method == "simplex":
        iterations = info.simplex_iteration_count
    else:
        iterations = info.ipm_iteration_count
    return {
        "method": method,
        "status": highs.modelStatusToString(highs.getModelStatus()),
        "objective": info.objective_function_value,
        "seconds": seconds,
        "iterations": int(iterations),
        "cpu_seconds": cpu_seconds,
        "peak_rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("mps")
    parser.add_argument("--method", choices=["simplex", "ipm"], default="simplex")
    parser.add_argument("--time-limit", type=float, default=None)
    args = parser.parse_args()
    print(json.dumps(solve(args.mps, args.method, args.time_limit, warn=True)))


if __name__ == "__main__":
    main()
