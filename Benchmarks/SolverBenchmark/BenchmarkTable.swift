import Foundation

/// The Markdown table the benchmark prints.
struct BenchmarkTable {
    var lines: [String] = []
    var openBLAS = ""
    var paths: [String] = []

    mutating func add(_ run: VppsimRun, _ highs: [String: HighsRun]) {
        openBLAS = run.openBLAS
        paths.append("N=\(run.assets): \(run.path)")
        func seconds(_ h: HighsRun?) -> String {
            guard let h else { return "not run" }
            let time = String(format: "%.2f [%.2f]", h.seconds, h.cpu_seconds)
            return h.status == "Optimal" ? time : "\(time) (\(h.status))"
        }
        let solved = highs.values.filter { $0.status == "Optimal" }
        let best = solved.map(\.seconds).min()
        let reference = solved.min { $0.seconds < $1.seconds }?.objective
        let ratio = best.map { String(format: "%.1fx", $0 / run.solveSeconds) } ?? "-"
        let difference =
            reference.map {
                String(format: "%.1e", abs(run.objective - $0) / max(1, abs($0)))
            } ?? "-"
        let iterations =
            "\(run.iterations)"
            + (highs["ipm"].map { " / \($0.iterations)" } ?? "")
        let peak =
            String(format: "%.0f", run.peakMiB)
            + (highs.values.map(\.peak_rss_mib).max().map { String(format: " / %.0f", $0) } ?? "")
        lines.append(
            "| \(run.assets) | \(run.variables) | \(run.rows) | "
                + String(format: "%.2f [%.2f]", run.solveSeconds, run.cpuSeconds)
                + " (\(run.status)) | "
                + "\(seconds(highs["simplex"])) | \(seconds(highs["ipm"])) | \(ratio) | "
                + "\(difference) | \(iterations) | \(peak) | "
                + String(format: "%.1f", run.buildSeconds) + " |")
    }

    func render() -> String {
        let header = [
            "OpenBLAS kernel and threads: \(openBLAS) (vppsim's structured path sets "
                + "OpenBLAS to 1 thread and runs its own block threads)",
            "",
            "Times are wall seconds [CPU seconds of the solve, all threads]. The ratio uses wall "
                + "times; on a loaded machine wall time exceeds CPU time.",
            "",
            "| N | variables | rows | vppsim s | HiGHS simplex s | HiGHS IPM s | ratio (best HiGHS"
                + " / vppsim) | objective rel. diff | iterations vppsim / HiGHS IPM | peak MiB "
                + "vppsim / HiGHS | model build s |",
            "|---|---|---|---|---|---|---|---|---|---|---|",
        ]
        return (header + lines + [""] + paths).joined(separator: "\n")
    }
}
