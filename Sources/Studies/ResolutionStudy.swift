import Foundation
import Scenario

/// How much a scenario's results move with the number of representative agents: the same
/// scenario and seed run at several `--agents` values, each measured against the finest.
///
/// Agents of identical devices (batteries, curtailable and shiftable loads) aggregate
/// exactly, so only sampled populations (EV fleets) move; the table shows by how much.
public enum ResolutionStudy {
    public static func entries(
        scenario path: String, agentCounts: [Int], strategy: String?, seed: UInt64?,
        settings: StudySettings
    ) throws -> [Comparison.Entry] {
        if let strategy { try StudyRunner.checkStrategyNames([strategy]) }
        let url = URL(fileURLWithPath: path)
        let loaded = try agentCounts.map {
            ScenarioBox(scenario: try ScenarioLoader.load(
                url: url, displayName: path, seedOverride: seed, agentOverride: $0))
        }
        let progress = StudyProgress(
            label: "resolution", totalRuns: loaded.count, quiet: settings.quiet)
        let runs = try orderedParallelMap(count: loaded.count, workers: settings.workers) { job in
            let scenario = loaded[job].scenario
            let run = try StudyRunner.run(
                scenario, strategies: [strategy ?? scenario.strategyName],
                version: settings.version)
            progress.runFinished()
            return run[0]
        }
        progress.finish()
        return zip(agentCounts, runs).map { agents, run in
            Comparison.Entry(label: label(agents: agents), kpis: run.kpis,
                             ownReference: run.reference)
        }
    }

    /// The entry label of a resolution: "agents-<agents>".
    public static func label(agents: Int) -> String { "agents-\(agents)" }
}
