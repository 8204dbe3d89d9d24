import Foundation
import InputData
import Scenario

/// `vppsim sweep`: the runs of one shard of a sweep, as a long CSV and a manifest.
public struct Sweep: Sendable {
    public let definition: SweepDefinition
    public let shard: SweepShard
    /// One entry per case of the shard, each with one run per strategy.
    let caseRuns: [(caseIndex: Int, runs: [StrategyRun])]

    /// Loads every case of the shard first (so a bad value stops the sweep before any
    /// run), then runs them.
    public static func run(
        _ definition: SweepDefinition, shard: SweepShard, settings: StudySettings
    ) throws -> Sweep {
        try StudyRunner.checkStrategyNames(definition.strategies)
        let url = URL(fileURLWithPath: definition.scenarioPath)
        guard let data = try? Data(contentsOf: url),
              let text = String(data: data, encoding: .utf8)
        else {
            throw ScenarioError.unreadable(
                file: definition.scenarioPath, reason: "no such file, or not readable UTF-8 text")
        }
        let root = try ScenarioLoader.parse(text, displayName: definition.scenarioPath)
        try definition.checkDistinctFields(root: root)
        let caseIndices = Array(shard.cases(of: definition.caseCount))
        // Loading reads every data file again for each case and takes longer than a small
        // run, so it is spread over the workers too. A bad case stops the sweep before any
        // simulation starts (with two bad cases, either may be the one reported).
        let scenarios = try orderedParallelMap(
            count: caseIndices.count, workers: settings.workers
        ) { job in
            let caseIndex = caseIndices[job]
            let point = caseIndex / definition.seedCount
            let seed = definition.seeds?[caseIndex % definition.seedCount]
            let loaded = try ScenarioLoader.load(
                json: definition.json(point: point, root: root), url: url,
                displayName: definition.displayName(point: point), seedOverride: seed)
            return ScenarioBox(scenario: loaded)
        }

        let progress = StudyProgress(label: "sweep \(shard.text)",
                                     totalRuns: scenarios.count * definition.strategies.count,
                                     quiet: settings.quiet)
        let runs = try orderedParallelMap(
            count: scenarios.count, workers: settings.workers
        ) { job in
            let point = caseIndices[job] / definition.seedCount
            let seed = scenarios[job].scenario.input.seed
            return try StudyRunner.run(
                scenarios[job].scenario, strategies: definition.strategies,
                version: settings.version, label: "point \(point) seed \(seed)",
                runDone: progress.runFinished)
        }
        progress.finish()
        return Sweep(definition: definition, shard: shard,
                     caseRuns: Array(zip(caseIndices, runs).map { ($0, $1) }))
    }

    /// The header of sweep.csv: the point, one column per swept path, then the run.
    public static func csvHeader(_ definition: SweepDefinition) -> String {
        StudyFormat.csvLine(["point"] + definition.parameters.map(\.path)
            + ["strategy", "seed", "kpi", "value", "unit"])
    }

    /// sweep.csv: one row per case, strategy and key figure.
    public var csv: String {
        var lines = [Sweep.csvHeader(definition)]
        for (caseIndex, runs) in caseRuns {
            let point = caseIndex / definition.seedCount
            let settings = zip(definition.parameters, definition.valueIndices(point: point))
                .map { $0.valueTexts[$1] }
            for (strategy, run) in zip(definition.strategies, runs) {
                for kpi in run.kpis.kpis {
                    lines.append(StudyFormat.csvLine([String(point)] + settings + [
                        strategy, String(run.kpis.seed), kpi.key, kpi.text, kpi.unit,
                    ]))
                }
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// summary.json: the sweep's definition and which shard this is; `vppsim merge` checks
    /// that shards agree on everything but the shard.
    public var manifest: String {
        SweepManifest(definition: definition, shard: shard).json
    }
}
