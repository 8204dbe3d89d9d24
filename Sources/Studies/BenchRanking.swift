/// Mean and spread of a key figure over seeds, for one strategy on one scenario.
public struct KPIStatistics: Sendable, Equatable {
    public let count: Int
    public let mean: Double
    /// Sample standard deviation (n − 1 in the denominator); 0 for a single seed.
    public let standardDeviation: Double
    public let minimum: Double
    public let maximum: Double

    public init(_ values: [Double]) {
        count = values.count
        let average = values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
        mean = average
        let squares = values.reduce(0) { $0 + ($1 - average) * ($1 - average) }
        standardDeviation = values.count > 1 ? (squares / Double(values.count - 1)).squareRoot() : 0
        minimum = values.min() ?? 0
        maximum = values.max() ?? 0
    }
}

extension Benchmark {
    /// One line of the ranking: a strategy's statistics for one key figure on one scenario.
    public struct RankingLine: Sendable {
        public let scenario: String
        public let strategy: String
        public let kpi: KPI
        public let statistics: KPIStatistics
        /// 1 is best; equal means (to the 4 decimals written) share a rank; nil when the
        /// key figure has no better direction.
        public let rank: Int?
    }

    /// Every scenario, key figure and strategy, in input order.
    public var ranking: [RankingLine] {
        var lines: [RankingLine] = []
        for scenario in scenarios {
            let kpis = rows.first { $0.scenario == scenario }?.run.kpis.kpis ?? []
            for kpi in kpis {
                let stats = strategies.map { strategy in
                    KPIStatistics(rows(scenario: scenario, strategy: strategy)
                        .compactMap { $0.run.kpis.kpi(kpi.columnName)?.value })
                }
                let means = stats.map { Double(StudyFormat.fixed($0.mean)) ?? $0.mean }
                for (index, strategy) in strategies.enumerated() {
                    lines.append(RankingLine(
                        scenario: scenario, strategy: strategy, kpi: kpi, statistics: stats[index],
                        rank: kpi.betterDirection.map {
                            Benchmark.rank(means[index], among: means, $0)
                        }))
                }
            }
        }
        return lines
    }

    static func rank(_ value: Double, among values: [Double], _ direction: KPI.Direction) -> Int {
        1 + values.filter { direction == .lower ? $0 < value : $0 > value }.count
    }

    /// ranking.csv: deterministic (no timings).
    public var rankingCSV: String {
        var lines = ["scenario,strategy,kpi,unit,better,seeds,mean,std,min,max,rank"]
        for line in ranking {
            let stats = line.statistics
            lines.append(StudyFormat.csvLine([
                line.scenario, line.strategy, line.kpi.key, line.kpi.unit,
                line.kpi.betterDirection?.rawValue ?? "", String(stats.count),
                StudyFormat.fixed(stats.mean), StudyFormat.fixed(stats.standardDeviation),
                StudyFormat.fixed(stats.minimum), StudyFormat.fixed(stats.maximum),
                line.rank.map(String.init) ?? "",
            ]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Key figures shown on the terminal, by key and unit ("" matches the currency).
    static let headline: [(key: String, unit: String?)] = [
        ("peak", "kW"), ("peak_reduction", "percent"), ("energy_cost", nil),
        ("ev_unmet_energy", "kWh"),
    ]

    /// The terminal table: per scenario, a row per strategy with mean ± spread (rank) of
    /// the headline figures and the mean run and dispatch times.
    public var rankingTable: String {
        let lines = ranking
        var text = ""
        for scenario in scenarios {
            let shown = Benchmark.headline.compactMap { wanted in
                lines.first { $0.scenario == scenario && $0.kpi.key == wanted.key
                    && (wanted.unit == nil || wanted.unit == $0.kpi.unit) }?.kpi.columnName
            }
            var table: [[String]] = [["strategy"] + shown + ["run_time_s", "dispatch_time_s"]]
            for strategy in strategies {
                var cells = [strategy]
                for name in shown {
                    guard let line = lines.first(where: {
                        $0.scenario == scenario && $0.strategy == strategy
                            && $0.kpi.columnName == name
                    }) else { cells.append("-"); continue }
                    let stats = line.statistics
                    let rank = line.rank.map { " (#\($0))" } ?? ""
                    cells.append(StudyFormat.fixed(stats.mean, decimals: 2) + " ± "
                        + StudyFormat.fixed(stats.standardDeviation, decimals: 2) + rank)
                }
                let timed = rows(scenario: scenario, strategy: strategy)
                for seconds in [timed.map(\.run.runSeconds), timed.map(\.run.dispatchSeconds)] {
                    cells.append(StudyFormat.fixed(KPIStatistics(seconds).mean, decimals: 3))
                }
                table.append(cells)
            }
            let seeds = rows(scenario: scenario, strategy: strategies[0]).count
            text += "\(scenario) (\(seeds) seeds)\n"
            text += StudyFormat.alignedTable(table) + "\n"
        }
        return text
    }
}
