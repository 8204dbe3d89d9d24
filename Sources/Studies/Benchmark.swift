import Foundation
import Scenario

/// `vppsim bench`: every strategy on every scenario over several seeds.
public struct Benchmark: Sendable {
    /// One strategy on one scenario with one seed.
    public struct Row: Sendable {
        public let scenario: String
        public let strategy: String
        public let seed: Int
        public let run: StrategyRun
    }

    public let rows: [Row]
    public let scenarios: [String]
    public let strategies: [String]

    /// Runs the benchmark. Seeds are the scenario's own seed and the `seedCount - 1` that
    /// follow it, so `--seeds 1` reproduces `vppsim run`.
    public static func run(
        scenarioPaths: [String], strategies: [String], seedCount: Int, settings: StudySettings
    ) throws -> Benchmark {
        try StudyRunner.checkStrategyNames(strategies)
        guard seedCount >= 1 else {
            throw StudyError.badOption(
                option: "--seeds", value: String(seedCount), allowed: "1 or more")
        }
        var caseList: [(path: String, seed: UInt64)] = []
        var first: [ScenarioBox] = []
        for path in scenarioPaths {
            let loaded = try ScenarioLoader.load(url: URL(fileURLWithPath: path), displayName: path)
            first.append(ScenarioBox(scenario: loaded))
            for seed in try StudySeeds.consecutive(from: loaded.input.seed, count: seedCount) {
                caseList.append((path, seed))
            }
        }
        let cases = caseList

        let progress = StudyProgress(label: "bench", totalRuns: cases.count * strategies.count,
                                     quiet: settings.quiet)
        let runs = try orderedParallelMap(count: cases.count, workers: settings.workers) { job in
            let (path, seed) = cases[job]
            let scenario = try ScenarioLoader.load(
                url: URL(fileURLWithPath: path), displayName: path, seedOverride: seed)
            return try StudyRunner.run(scenario, strategies: strategies, version: settings.version,
                                       runDone: progress.runFinished)
        }
        progress.finish()

        var rows: [Row] = []
        for (runsOfCase, _) in zip(runs, cases) {
            for (strategy, run) in zip(strategies, runsOfCase) {
                rows.append(Row(scenario: run.kpis.scenario, strategy: strategy,
                                seed: run.kpis.seed, run: run))
            }
        }
        var names: [String] = []
        for box in first where !names.contains(box.scenario.name) {
            names.append(box.scenario.name)
        }
        return Benchmark(rows: rows, scenarios: names, strategies: strategies)
    }

    /// bench.csv: one row per scenario, strategy, seed and key figure.
    public var longCSV: String {
        var lines = ["scenario,strategy,seed,kpi,value,unit"]
        for row in rows {
            for kpi in row.run.kpis.kpis {
                lines.append(StudyFormat.csvLine([
                    row.scenario, row.strategy, String(row.seed), kpi.key,
                    kpi.text, kpi.unit,
                ]))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// timing.csv: wall-clock seconds per run; differs from run to run, unlike the others.
    public var timingCSV: String {
        var lines = ["scenario,strategy,seed,run_time_s,dispatch_time_s"]
        for row in rows {
            lines.append(StudyFormat.csvLine([
                row.scenario, row.strategy, String(row.seed),
                StudyFormat.fixed(row.run.runSeconds), StudyFormat.fixed(row.run.dispatchSeconds),
            ]))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func rows(scenario: String, strategy: String) -> [Row] {
        rows.filter { $0.scenario == scenario && $0.strategy == strategy }
    }
}

extension Benchmark {
    /// summary.json of a benchmark folder: the scenarios, strategies and seeds.
    public var manifest: String {
        let seeds = Array(Set(rows.map(\.seed))).sorted().map(String.init)
        return StudyFormat.jsonObject([
            ("study", StudyFormat.jsonString("bench")),
            ("scenarios", StudyFormat.jsonArray(scenarios.map(StudyFormat.jsonString))),
            ("strategies", StudyFormat.jsonArray(strategies.map(StudyFormat.jsonString))),
            ("seeds", StudyFormat.jsonArray(seeds)),
        ]) + "\n"
    }
}
