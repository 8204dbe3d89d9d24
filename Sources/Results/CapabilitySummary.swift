import Engine
import VPPCore

/// The response capability of a fleet beside what a run delivered, for the summary.
public struct CapabilitySummary: Sendable {
    public struct Contribution: Sendable {
        public let assetClass: String
        public let reductionKW: Double
        public let limitedBy: String

        public init(assetClass: String, reductionKW: Double, limitedBy: String) {
            self.assetClass = assetClass
            self.reductionKW = reductionKW
            self.limitedBy = limitedBy
        }
    }

    public let targetFraction: Double
    public let durationHours: Double
    public let capabilityKW: Double
    public let periodStart: CivilTime
    public let periodEnd: CivilTime
    public let solveStatus: String
    public let contributions: [Contribution]

    /// Whether the capability problem was solved; when not, capability reads 0 and the
    /// verdict says it is unknown.
    public var isSolved: Bool { ["optimal", "optimalReducedAccuracy"].contains(solveStatus) }

    public init(
        targetFraction: Double, durationHours: Double, capabilityKW: Double, periodStart: CivilTime,
        periodEnd: CivilTime, solveStatus: String, contributions: [Contribution]
    ) {
        self.targetFraction = targetFraction
        self.durationHours = durationHours
        self.capabilityKW = capabilityKW
        self.periodStart = periodStart
        self.periodEnd = periodEnd
        self.solveStatus = solveStatus
        self.contributions = contributions
    }

    /// Summary fields: capability and delivered response at the peak period, as kW and as
    /// percent of the uncontrolled peak, and the verdict against the target.
    func fields(result: SimulationResult, reference: SimulationResult) -> [SummaryField] {
        let peak = reference.peakNetLoadKW
        let steps = result.records.indices.filter {
            let time = result.grid.time(ofStep: $0)
            return time >= periodStart && time < periodEnd
        }
        let delivered = steps.reduce(0) {
            $0 + reference.records[$1].netLoadKW - result.records[$1].netLoadKW
        }
            / Double(max(1, steps.count))
        let targetKW = targetFraction * peak
        func percent(_ kW: Double) -> Double { peak > 0 ? 100 * kW / peak : 0 }
        let verdict = !isSolved
            ? "unknown: the capability problem was not solved (\(solveStatus))"
            : peak <= 0
            ? "none: the uncontrolled peak is \(TextFormat.fixed(peak, decimals: 1)) kW, so "
                + "there is no peak to cut"
            : capabilityKW + 1e-6 >= targetKW
            ? "capable: \(TextFormat.fixed(percent(capabilityKW), decimals: 1))% >= "
                + "\(TextFormat.fixed(100 * targetFraction, decimals: 1))% target"
            : "short: \(TextFormat.fixed(targetKW - capabilityKW, decimals: 1)) kW below the "
                + "\(TextFormat.fixed(100 * targetFraction, decimals: 1))% target"
        func number(_ key: String, _ value: Double, _ unit: String) -> SummaryField {
            SummaryField(key: key, value: .number(value), unit: unit)
        }
        return [
            number("response_target", 100 * targetFraction, "percent"),
            number("response_duration", durationHours, "h"),
            SummaryField(key: "peak_period_start", value: .text(periodStart.description), unit: ""),
            number("capability", capabilityKW, "kW"),
            number("capability", percent(capabilityKW), "percent"),
            number("delivered_at_peak_period", delivered, "kW"),
            number("delivered_at_peak_period", percent(delivered), "percent"),
            SummaryField(key: "verdict", value: .text(verdict), unit: ""),
        ]
    }

    /// capability.csv: one row per asset class.
    public func contributionsCSV() -> String {
        let total = contributions.reduce(0) { $0 + $1.reductionKW }
        var lines = ["asset_class,reduction_kW,share_percent,limited_by"]
        for item in contributions {
            // An unsolved problem leaves the cells empty rather than writing nan.
            guard isSolved, item.reductionKW.isFinite else {
                lines.append("\(item.assetClass),,,\"\(item.limitedBy)\"")
                continue
            }
            let share = total != 0 ? 100 * item.reductionKW / total : 0
            lines.append("\(item.assetClass),\(TextFormat.fixed(item.reductionKW)),"
                + "\(TextFormat.fixed(share, decimals: 2)),\"\(item.limitedBy)\"")
        }
        let totalShare = total != 0 ? "100.00" : "0.00"
        guard isSolved, total.isFinite else {
            lines.append("total,,,\"solve status: \(solveStatus)\"")
            return lines.joined(separator: "\n") + "\n"
        }
        lines.append("total,\(TextFormat.fixed(total)),\(totalShare),\"solve status: \(solveStatus)\"")
        return lines.joined(separator: "\n") + "\n"
    }
}
