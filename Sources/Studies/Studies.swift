/// Studies over many runs: compare, strategy benchmarks, sweeps and reports.
