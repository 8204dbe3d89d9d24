import Dispatch
import Foundation
import Engine
import Results
import Scenario
import Strategies
import VPPCore

/// The outcome of one strategy on one loaded scenario: its key figures, those of the
/// uncontrolled reference, and how long it took.
public struct StrategyRun: Sendable {
    public let kpis: RunKPIs
    public let reference: RunKPIs
    /// Wall-clock seconds of the whole simulation of this strategy.
    public let runSeconds: Double
    /// Seconds spent inside the strategy (`prepare` and every `decide`): for an optimiser
    /// or MPC this is its solver time.
    public let dispatchSeconds: Double
}

/// Runs strategies on a loaded scenario, the uncontrolled reference once for all of them.
public enum StudyRunner {
    /// A strategy made from the registry, or `StudyError.unknownStrategy`.
    ///
    /// This is the one place where studies build strategies, so that a change of the
    /// registry's signature or of the scenario's strategy settings is made here only.
    public static func strategy(
        named name: String, for scenario: LoadedScenario, referencePeakKW: Double
    ) throws -> any DispatchStrategy {
        let made = StrategyRegistry.make(
            name: name, settings: scenario.strategySettings,
            stepMinutes: scenario.input.grid.stepMinutes, referencePeakKW: referencePeakKW)
        guard let strategy = made else {
            throw StudyError.unknownStrategy(name: name, allowed: StrategyRegistry.names)
        }
        return strategy
    }

    /// Checks names before any run starts, so a typo fails in the first second.
    public static func checkStrategyNames(_ names: [String]) throws {
        for name in names where !StrategyRegistry.names.contains(name) {
            throw StudyError.unknownStrategy(name: name, allowed: StrategyRegistry.names)
        }
    }

    /// Runs `strategies` in order on `scenario`, each as `vppsim run` runs it (events,
    /// participation and capability included); the uncontrolled reference and the
    /// capability are found once for all of them. `runDone` is called after each run.
    /// Log messages name the run by `label`, or by the scenario's name and seed.
    public static func run(
        _ scenario: LoadedScenario, strategies: [String], version: String, label: String? = nil,
        runDone: () -> Void = {}
    ) throws -> [StrategyRun] {
        try checkStrategyNames(strategies)
        let shared = try ScenarioRun.sharedReference(scenario: scenario)
        let referenceKPIs = RunKPIs(summary: RunSummary(
            result: shared.reference, reference: shared.reference, version: version,
            capability: shared.capability))
        var runs: [StrategyRun] = []
        for name in strategies {
            let start = ContinuousClock.now
            let run = try ScenarioRun(
                scenario: scenario, strategyName: name, version: version, shared: shared,
                studyLabel: label ?? "\(scenario.name) seed \(scenario.input.seed)")
            let isReference = name == UncontrolledStrategy().name
            runs.append(StrategyRun(
                kpis: RunKPIs(summary: run.summary), reference: referenceKPIs,
                runSeconds: isReference ? shared.seconds : ResourceUse.seconds(since: start),
                dispatchSeconds: run.strategySeconds))
            runDone()
        }
        return runs
    }

}

/// Wraps a strategy and adds up the wall-clock time spent inside it.
struct TimedStrategy: DispatchStrategy {
    var inner: any DispatchStrategy
    private(set) var dispatchSeconds = 0.0

    init(_ inner: any DispatchStrategy) {
        self.inner = inner
    }

    var name: String { inner.name }

    mutating func prepare(input: SimulationInput) throws {
        let start = ContinuousClock.now
        try inner.prepare(input: input)
        dispatchSeconds += ResourceUse.seconds(since: start)
    }

    mutating func decide(_ observation: Observation) -> Setpoints {
        let start = ContinuousClock.now
        let setpoints = inner.decide(observation)
        dispatchSeconds += ResourceUse.seconds(since: start)
        return setpoints
    }
}

/// Maps `count` jobs over up to `workers` threads; results come back in job order, so the
/// output does not depend on which thread finished first.
func orderedParallelMap<T: Sendable>(
    count: Int, workers: Int, _ job: @Sendable (Int) throws -> T
) throws -> [T] {
    let box = ResultBox<T>(count: count)
    let threads = max(1, min(workers, count))
    DispatchQueue.concurrentPerform(iterations: threads) { worker in
        var index = worker
        while index < count, !box.failed {
            box.store(index, Result { try job(index) })
            index += threads
        }
    }
    return try box.results()
}

/// Slots for the jobs' results, filled from several threads under a lock.
private final class ResultBox<T: Sendable>: @unchecked Sendable {
    private var slots: [Result<T, any Error>?]
    private var anyFailed = false
    private let lock = NSLock()

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    var failed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return anyFailed
    }

    func store(_ index: Int, _ result: Result<T, any Error>) {
        lock.lock()
        defer { lock.unlock() }
        slots[index] = result
        if case .failure = result { anyFailed = true }
    }

    /// All results, or the error of the first failed job in job order.
    func results() throws -> [T] {
        lock.lock()
        let filled = slots
        lock.unlock()
        return try filled.compactMap { try $0?.get() }
    }
}
