/// Studies over many runs: compare, strategy benchmarks, sweeps and reports.
///
/// Every study writes deterministic files (the same inputs give the same bytes) into a
/// folder written atomically by `OutputDirectory`; wall-clock timings go to a file of their
/// own (`timing.csv`) so that they never make two results differ.
