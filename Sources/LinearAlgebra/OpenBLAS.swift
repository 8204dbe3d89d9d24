import CLapack

/// What OpenBLAS chose at run time, to print wherever speed is reported.
///
/// OpenBLAS picks its kernel from the CPU it detects; on some virtual CPUs it
/// picks the generic `Prescott` kernel although faster ones would run. The
/// environment variable `OPENBLAS_CORETYPE` (e.g. `SkylakeX`, `Haswell`)
/// overrides the choice for the whole process.
public enum OpenBLAS {
    /// The kernel name, e.g. "Prescott" or "SkylakeX".
    public static var coreName: String {
        guard let name = openblas_get_corename() else { return "unknown" }
        return String(cString: name)
    }

    /// The number of threads OpenBLAS uses for level-3 calls.
    public static var threadCount: Int { Int(openblas_get_num_threads()) }

    /// Sets the number of OpenBLAS threads; `count` must be at least 1.
    public static func setThreadCount(_ count: Int) {
        precondition(count >= 1, "OpenBLAS.setThreadCount: count should be >= 1, but is \(count)")
        openblas_set_num_threads(Int32(count))
    }

    /// "Prescott, 2 threads": the line benchmarks print.
    public static var summary: String { "\(coreName), \(threadCount) threads" }
}
