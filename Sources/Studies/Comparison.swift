/// The key figures of several runs side by side, each also relative to a reference run.
public struct Comparison: Sendable {
    /// One compared run, and the figures it is measured against.
    public struct Entry: Sendable {
        public let label: String
        public let kpis: RunKPIs
        /// The uncontrolled run of the same scenario when the study ran it itself.
        public let ownReference: RunKPIs?

        public init(label: String, kpis: RunKPIs, ownReference: RunKPIs? = nil) {
            self.label = label
            self.kpis = kpis
            self.ownReference = ownReference
        }
    }

    /// What an entry is measured against: a label and values by column name.
    public struct Reference: Sendable {
        public let label: String
        public let values: [String: Double]
    }

    public let entries: [Entry]
    public let references: [Reference]

    /// - Parameter reference: a label of one of the entries, or its position from 1; nil
    ///   measures each run against the uncontrolled run of its own scenario and seed.
    public init(entries: [Entry], reference: String?) throws {
        self.entries = entries
        if let reference {
            let labels = entries.map(\.label)
            let position = Int(reference).map { $0 - 1 }
            guard let index = labels.firstIndex(of: reference)
                ?? position.flatMap({ labels.indices.contains($0) ? $0 : nil })
            else { throw StudyError.unknownReference(value: reference, allowed: labels) }
            let chosen = Comparison.reference(label: labels[index], kpis: entries[index].kpis.kpis)
            references = entries.map { _ in chosen }
        } else {
            references = entries.map { Comparison.uncontrolledReference(for: $0, among: entries) }
        }
    }

    /// The run's own uncontrolled run, else an uncontrolled run among the inputs with the
    /// same scenario and seed, else the `*_uncontrolled` figures of the run's summary
    /// (the peak, the energy cost and the unmet EV energy only).
    static func uncontrolledReference(for entry: Entry, among entries: [Entry]) -> Reference {
        if let own = entry.ownReference {
            return reference(label: "\(own.scenario)-uncontrolled", kpis: own.kpis)
        }
        let match = entries.first {
            $0.kpis.strategy == "uncontrolled" && $0.kpis.scenario == entry.kpis.scenario
                && $0.kpis.seed == entry.kpis.seed
        }
        if let match { return reference(label: match.label, kpis: match.kpis.kpis) }
        return reference(label: "uncontrolled (from \(entry.label)'s summary)",
                         kpis: entry.kpis.uncontrolled)
    }

    static func reference(label: String, kpis: [KPI]) -> Reference {
        Reference(label: label, values: Dictionary(kpis.map { ($0.columnName, $0.value) },
                                                   uniquingKeysWith: { first, _ in first }))
    }

    /// Change in percent of the reference's magnitude; nil when the reference is zero.
    static func changePercent(_ value: Double, reference: Double) -> Double? {
        reference == 0 ? nil : 100 * (value - reference) / abs(reference)
    }

    /// comparison.csv: one row per run and key figure (tidy, for pandas).
    public var csv: String {
        var lines = [StudyFormat.csvLine([
            "run", "scenario", "strategy", "seed", "kpi", "unit", "value", "reference_run",
            "reference_value", "change", "change_percent",
        ])]
        for (entry, reference) in zip(entries, references) {
            for kpi in entry.kpis.kpis {
                let referenceValue = reference.values[kpi.columnName]
                let change = referenceValue.map { kpi.value - $0 }
                let percent = referenceValue.flatMap {
                    Comparison.changePercent(kpi.value, reference: $0)
                }
                lines.append(StudyFormat.csvLine([
                    entry.label, entry.kpis.scenario, entry.kpis.strategy, String(entry.kpis.seed),
                    kpi.key, kpi.unit, kpi.text, reference.label,
                    referenceValue.map { StudyFormat.fixed($0) } ?? "",
                    change.map { StudyFormat.fixed($0) } ?? "",
                    percent.map { StudyFormat.fixed($0) } ?? "",
                ]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The terminal table: a row per key figure (unit in its name), a column per run,
    /// each value followed by its change against the run's reference.
    public var table: String {
        var columnNames: [String] = []
        for entry in entries {
            for kpi in entry.kpis.kpis where !columnNames.contains(kpi.columnName) {
                columnNames.append(kpi.columnName)
            }
        }
        var rows: [[String]] = [["kpi"] + entries.map(\.label)]
        rows.append(["strategy"] + entries.map(\.kpis.strategy))
        rows.append(["seed"] + entries.map { String($0.kpis.seed) })
        rows.append(["reference"] + references.map(\.label))
        for name in columnNames {
            rows.append([name] + zip(entries, references).map { entry, reference in
                guard let kpi = entry.kpis.kpi(name) else { return "-" }
                let value = kpi.isCount ? kpi.text : StudyFormat.fixed(kpi.value, decimals: 2)
                guard let base = reference.values[name],
                      let percent = Comparison.changePercent(kpi.value, reference: base)
                else { return value }
                let sign = percent > 0 ? "+" : ""
                return "\(value) (\(sign)\(StudyFormat.fixed(percent, decimals: 1))%)"
            })
        }
        return StudyFormat.alignedTable(rows)
    }
}

extension Comparison {
    /// summary.json of a comparison folder: the runs compared and their references.
    public var manifest: String {
        StudyFormat.jsonObject([
            ("study", StudyFormat.jsonString("compare")),
            ("runs", StudyFormat.jsonArray(entries.map { StudyFormat.jsonString($0.label) })),
            ("references",
             StudyFormat.jsonArray(references.map { StudyFormat.jsonString($0.label) })),
        ]) + "\n"
    }
}
