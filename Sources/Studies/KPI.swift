import Results

/// One key figure of a run: its key without the unit, the unit, and the value.
public struct KPI: Sendable, Equatable {
    public let key: String
    public let unit: String
    public let value: Double
    /// A count (sessions), written without decimals.
    public let isCount: Bool

    public init(key: String, unit: String, value: Double, isCount: Bool = false) {
        self.key = key
        self.unit = unit
        self.value = value
        self.isCount = isCount
    }

    /// The value as the run files write it: counts whole, other figures with 4 decimals.
    public var text: String {
        isCount ? String(Int(value.rounded())) : StudyFormat.fixed(value)
    }

    /// The column name used in run files: the key with its unit appended.
    public var columnName: String { unit.isEmpty ? key : "\(key)_\(unit)" }

    /// Which way is better when ranking strategies; nil when neither is (a count of
    /// sessions, the energy a strategy chose to move).
    public var betterDirection: Direction? { KPI.directions[key] }

    public enum Direction: String, Sendable {
        case lower, higher
    }

    /// Keys of RunSummary with a better direction. Keys added to the summary later are
    /// neutral until listed here.
    static let directions: [String: Direction] = [
        "peak": .lower, "peak_reduction": .higher, "energy_cost": .lower,
        "energy_cost_change": .lower, "imported_energy": .lower,
        "ev_sessions_with_unmet_energy": .lower, "ev_unmet_energy": .lower,
        "battery_capacity_fade": .lower, "curtailed_energy": .lower,
        "rebound_energy": .lower, "rebound_energy_owed_at_end": .lower,
        "curtailment_cost": .lower, "shiftable_energy_unfinished": .lower,
    ]
}

/// The identity and key figures of one run, as read from a summary.
public struct RunKPIs: Sendable, Equatable {
    public var scenario: String
    public var strategy: String
    public var seed: Int
    /// The figures a study compares: numbers and counts, without the seed, the step length,
    /// times in seconds and the `*_uncontrolled` figures (kept in `uncontrolled`).
    public var kpis: [KPI]
    /// The `*_uncontrolled` figures, keyed like `kpis` (e.g. key "peak" for
    /// "peak_uncontrolled_kW").
    public var uncontrolled: [KPI]

    public init(summary: RunSummary) {
        var entries: [(key: String, unit: String, value: SummaryField.Value)] = []
        for field in summary.fields { entries.append((field.key, field.unit, field.value)) }
        self.init(entries: entries)
    }

    init(entries: [(key: String, unit: String, value: SummaryField.Value)]) {
        scenario = ""
        strategy = ""
        seed = 0
        kpis = []
        uncontrolled = []
        for entry in entries {
            switch (entry.key, entry.value) {
            case let ("scenario", .text(text)): scenario = text
            case let ("strategy", .text(text)): strategy = text
            case let ("seed", .integer(number)): seed = number
            case let ("seed", .number(number)): seed = Int(number)
            case ("seed", _), ("step", _), (_, .text): continue
            case (_, .number) where entry.unit == "s":
                // Wall-clock seconds (a solver's time) differ between identical runs; studies
                // keep them out of their deterministic files.
                continue
            case let (key, .integer(number)):
                add(KPI(key: key, unit: entry.unit, value: Double(number), isCount: true))
            case let (key, .number(number)): add(KPI(key: key, unit: entry.unit, value: number))
            }
        }
    }

    private mutating func add(_ kpi: KPI) {
        let suffix = "_uncontrolled"
        if kpi.key.hasSuffix(suffix) {
            let key = String(kpi.key.dropLast(suffix.count))
            uncontrolled.append(
                KPI(key: key, unit: kpi.unit, value: kpi.value, isCount: kpi.isCount))
        } else {
            kpis.append(kpi)
        }
    }

    public func kpi(_ columnName: String) -> KPI? {
        kpis.first { $0.columnName == columnName }
    }
}
