import Foundation
import Scenario

/// A loaded scenario handed to a worker thread. `LoadedScenario` is a value made of
/// Sendable parts (it is not marked Sendable in its module), and each worker only reads it.
struct ScenarioBox: @unchecked Sendable {
    let scenario: LoadedScenario
}

/// Settings shared by the commands that run several simulations.
public struct StudySettings: Sendable {
    /// Threads running simulations at once; results do not depend on it.
    public var workers: Int
    public var quiet: Bool
    /// The program version written into the run summaries.
    public var version: String

    public init(workers: Int = 1, quiet: Bool = true, version: String) {
        self.workers = workers
        self.quiet = quiet
        self.version = version
    }
}

/// Builds the entries of `vppsim compare`: result folders are read, scenario files are run
/// (their strategy, or `strategy` when given, and the uncontrolled reference).
public enum CompareStudy {
    public static func entries(
        inputs: [String], strategy: String?, seed: UInt64?, settings: StudySettings
    ) throws -> [Comparison.Entry] {
        if let strategy { try StudyRunner.checkStrategyNames([strategy]) }
        enum Source {
            case folder(RunFolder)
            case scenario(ScenarioBox, strategy: String)
        }
        var sources: [Source] = []
        for input in inputs {
            if RunFolder.isFolder(input) {
                sources.append(.folder(try RunFolder(path: input)))
            } else {
                let loaded = try ScenarioLoader.load(
                    url: URL(fileURLWithPath: input), displayName: input, seedOverride: seed)
                let name = strategy ?? loaded.strategyName
                sources.append(.scenario(ScenarioBox(scenario: loaded), strategy: name))
            }
        }

        let scenarios: [(index: Int, box: ScenarioBox, strategy: String)] = sources.enumerated()
            .compactMap { index, source in
                if case let .scenario(box, name) = source { return (index, box, name) }
                return nil
            }
        let progress = StudyProgress(
            label: "compare", totalRuns: scenarios.count, quiet: settings.quiet)
        let runs = try orderedParallelMap(
            count: scenarios.count, workers: settings.workers
        ) { job in
            let item = scenarios[job]
            let run = try StudyRunner.run(item.box.scenario, strategies: [item.strategy],
                                          version: settings.version)
            progress.runFinished()
            return run[0]
        }
        progress.finish()

        var runByIndex: [Int: StrategyRun] = [:]
        for (item, run) in zip(scenarios, runs) { runByIndex[item.index] = run }
        var entries: [Comparison.Entry] = []
        for (index, source) in sources.enumerated() {
            switch source {
            case let .folder(folder):
                let name = URL(fileURLWithPath: folder.path).standardizedFileURL.lastPathComponent
                entries.append(.init(label: uniqueLabel(name, in: entries), kpis: folder.kpis))
            case let .scenario(box, name):
                guard let run = runByIndex[index] else { continue }
                let label = uniqueLabel("\(box.scenario.name)-\(name)", in: entries)
                entries.append(.init(label: label, kpis: run.kpis, ownReference: run.reference))
            }
        }
        return entries
    }

    /// The label, or the label with "#2", "#3"... when an earlier entry has it.
    static func uniqueLabel(_ label: String, in entries: [Comparison.Entry]) -> String {
        let taken = Set(entries.map(\.label))
        guard taken.contains(label) else { return label }
        var number = 2
        while taken.contains("\(label)#\(number)") { number += 1 }
        return "\(label)#\(number)"
    }
}
