import Foundation

/// What a run cost the machine: wall-clock time and peak memory. Reported on the terminal
/// and in timing files, never in result files, which must not depend on the machine.
public enum ResourceUse {
    /// The process's peak resident memory so far, in MiB.
    public static func peakResidentMiB() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // Linux reports kilobytes
    }

    /// Seconds of wall-clock time since `start`.
    public static func seconds(since start: ContinuousClock.Instant) -> Double {
        let parts = (ContinuousClock.now - start).components
        return Double(parts.seconds) + Double(parts.attoseconds) * 1e-18
    }
}
