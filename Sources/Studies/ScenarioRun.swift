import DemandResponse
import Engine
import Foundation
import OptimalDispatch
import Optimizer
import Results
import Scenario
import Strategies
import VPPCore

/// One run of a scenario as `vppsim run` does it: the uncontrolled reference, the chosen
/// strategy, the response capability when the scenario sets a target, the summary and the
/// result files.
public struct ScenarioRun {
    public let reference: SimulationResult
    public let result: SimulationResult
    public let summary: RunSummary
    /// Wall-clock seconds spent in the optimiser; reported on the terminal, never in the
    /// result files, which must be the same bytes for the same scenario and seed.
    public let solverSeconds: Double
    /// The files of a result folder, in the order they are written.
    public let files: [(name: String, contents: String)]
    /// Wall-clock seconds spent inside the strategy (`prepare` and every `decide`).
    public let strategySeconds: Double

    /// What every strategy on a scenario shares: the uncontrolled run, and the response
    /// capability of the enrolled fleet, which does not depend on the strategy.
    public struct SharedReference {
        public let reference: SimulationResult
        public let capability: CapabilitySummary?
        /// Wall-clock seconds of the uncontrolled run.
        public let seconds: Double
    }

    /// Runs the uncontrolled reference and finds the capability, once for many strategies.
    public static func sharedReference(
        scenario: LoadedScenario, checksInvariants: Bool? = nil,
        progress: ((Int, Int) -> Void)? = nil
    ) throws -> SharedReference {
        var simulation = Simulation(input: scenario.input)
        if let checksInvariants { simulation.checksInvariants = checksInvariants }
        simulation.progress = progress
        var uncontrolled = TimedStrategy(UncontrolledStrategy())
        let reference = try simulation.run(strategy: &uncontrolled)
        var capability: CapabilitySummary?
        if let target = scenario.responseTarget {
            var enrolledOnly = scenario.input
            enrolledOnly.participation = scenario.eventSchedule.flatMap {
                scenario.demandResponse?.participation(for: scenario.input, schedule: $0)
            }?.withoutOptOuts
            capability = try ScenarioRun.capability(
                input: enrolledOnly, target: target, reference: reference,
                logger: Logger(subsystem: "run"))
        }
        return SharedReference(
            reference: reference, capability: capability, seconds: uncontrolled.dispatchSeconds)
    }

    /// - Parameters:
    ///   - progress: told (label, steps done, steps in all) as the runs advance.
    ///   - shared: the uncontrolled run and capability when a study already has them.
    ///   - studyLabel: which of a study's runs this is, for its log messages.
    public init(
        scenario: LoadedScenario, strategyName: String, version: String,
        checksInvariants: Bool? = nil,
        progress: ((String, Int, Int) -> Void)? = nil, shared: SharedReference? = nil,
        studyLabel: String? = nil
    ) throws {
        var simulation = Simulation(input: scenario.input)
        if let checksInvariants { simulation.checksInvariants = checksInvariants }
        // In a study many runs log alike; the label says which one a warning is about.
        let logger = Logger(subsystem: studyLabel.map { "run \($0)" } ?? "run")

        let uncontrolled = UncontrolledStrategy()
        let common = try shared ?? ScenarioRun.sharedReference(
            scenario: scenario, checksInvariants: checksInvariants,
            progress: progress.map { report in { report(uncontrolled.name, $0, $1) } })
        let reference = common.reference
        self.reference = reference

        guard let made = StrategyRegistry.make(
            name: strategyName, settings: scenario.strategySettings,
            stepMinutes: scenario.input.grid.stepMinutes, referencePeakKW: reference.peakNetLoadKW)
        else {
            throw StudyError.unknownStrategy(name: strategyName, allowed: StrategyRegistry.names)
        }
        var strategy = TimedStrategy(made)
        let events = scenario.eventSchedule.map {
            EventSignals.make(schedule: $0, uncontrolled: reference)
        } ?? []
        let participation = scenario.eventSchedule.flatMap {
            scenario.demandResponse?.participation(for: scenario.input, schedule: $0)
        }
        var input = scenario.input
        input.events = events
        input.participation = participation
        let result: SimulationResult
        var planned: SimulationResult?
        if strategy.name == uncontrolled.name {
            result = reference
            strategySeconds = common.seconds
        } else {
            logger.info("running \(strategy.name)")
            var withEvents = Simulation(input: input, checksInvariants: simulation.checksInvariants)
            withEvents.progress = progress.map { report in { report(strategyName, $0, $1) } }
            result = try withEvents.run(strategy: &strategy)
            strategySeconds = strategy.dispatchSeconds
            if let participation, participation.hasOptOuts {
                planned = try ScenarioRun.plannedRun(
                    scenario: scenario, strategyName: strategyName, input: input,
                    participation: participation,
                    reference: reference, checksInvariants: simulation.checksInvariants,
                    logger: logger)
            }
        }
        self.result = result
        ScenarioRun.warnOfDrainedStorage(result, logger: logger)
        ScenarioRun.warnOfOwedRebound(result, logger: logger)

        let capability = common.capability
        let predictive = strategy.inner as? PredictiveStrategy
        solverSeconds = predictive?.solves.reduce(0) { $0 + $1.seconds } ?? 0
        var extra: [SummaryField] = []
        if !events.isEmpty {
            extra += ScenarioRun.eventFields(
                events, result: result, planned: planned ?? result, reference: reference)
            if let participation {
                extra += ScenarioRun.participationFields(participation, input: input)
            }
        }
        let capped = predictive.map { $0.objective.peakTarget != nil || !events.isEmpty } ?? false
        if let predictive {
            ScenarioRun.warnOfFailedSolves(predictive, logger: logger)
            extra += ScenarioRun.solverFields(
                predictive, stepHours: scenario.input.grid.stepHours, hasEvents: !events.isEmpty)
            if capped {
                extra += ScenarioRun.bindingFields(
                    predictive, stepHours: scenario.input.grid.stepHours, logger: logger)
            }
        }
        let summary = RunSummary(
            result: result, reference: reference, version: version, capability: capability,
            extra: extra)
        self.summary = summary

        var files: [(String, String)] = [
            ("timeseries.csv", ResultWriter.timeseriesCSV(
                result: result, reference: reference, input: scenario.input,
                extraColumns: ScenarioRun.extraColumns(
                    predictive: predictive, events: events, steps: reference.records.count))),
            ("ev_sessions.csv", ResultWriter.sessionsCSV(result: result)),
        ]
        if let capability { files.append(("capability.csv", capability.contributionsCSV())) }
        if let programme = scenario.demandResponse, let schedule = scenario.eventSchedule {
            var history: SimulationResult?
            if let before = scenario.baselineHistory {
                logger.info("running \(uncontrolled.name) over \(programme.baselineHistoryDays) "
                    + "days before the horizon, for customer baselines")
                var prior = UncontrolledStrategy()
                history = try Simulation(
                    input: before, checksInvariants: simulation.checksInvariants
                ).run(strategy: &prior)
            }
            files.append(("events.csv", EventSettlementTable.csv(
                configuration: programme, schedule: schedule, result: result,
                planned: planned ?? result, uncontrolled: reference,
                participation: participation, history: history)))
        }
        if let predictive {
            files.append(
                ("solves.csv", ScenarioRun.solvesCSV(predictive, grid: scenario.input.grid)))
            if capped {
                files.append(
                    ("binding.csv", ScenarioRun.bindingCSV(predictive, grid: scenario.input.grid)))
            }
        }
        files += [
            ("summary.csv", ResultWriter.summaryCSV(summary)),
            (OutputDirectory.marker, ResultWriter.summaryJSON(summary)),
        ]
        self.files = files
    }

    static func capability(
        input: SimulationInput, target: ResponseTarget, reference: SimulationResult,
        logger: Logger
    ) throws -> CapabilitySummary {
        let grid = input.grid
        let steps = Int((target.durationHours * 60 / Double(grid.stepMinutes)).rounded(.up))
        let found = try ResponseCapability.compute(
            input: input, baseline: reference, baselineStrategy: UncontrolledStrategy(),
            durationSteps: steps)
        logger.info("response capability \(found.capabilityKW) kW from \(found.periodStart) "
            + "(\(found.status.rawValue), \(found.solveSeconds) s)")
        if !found.status.hasSolution {
            logger.warning("the response-capability problem was not solved "
                + "(\(found.status.rawValue)): capability reads 0 and the verdict is unknown; "
                + "--write-mps DIR writes the problem for another solver")
        }
        return CapabilitySummary(
            targetFraction: target.reductionFraction, durationHours: target.durationHours,
            capabilityKW: found.capabilityKW, periodStart: found.periodStart,
            periodEnd: found.periodEnd,
            solveStatus: found.status.rawValue,
            contributions: found.contributions.map {
                .init(
                    assetClass: $0.assetClass, reductionKW: $0.reductionKW,
                    limitedBy: $0.limitedBy)
            })
    }

    private static func extraColumns(
        predictive: PredictiveStrategy?, events: [GridEvent], steps: Int
    ) -> [(name: String, values: [Double])] {
        var columns: [(name: String, values: [Double])] = []
        if let predictive, predictive.objective.peakTarget != nil || !events.isEmpty {
            columns.append(("target_shortfall_planned_kW", predictive.plannedShortfallKW))
        }
        if !events.isEmpty {
            columns.append(("dr_event_active", (0..<steps).map { step in
                events.contains { $0.steps.contains(step) } ? 1 : 0
            }))
        }
        return columns
    }

    /// How many events there were, how much of their targets was met on average, and the
    /// mean response delivered and planned (with every enrolled asset taking part),
    /// measured against the uncontrolled run (the true counterfactual).
    private static func eventFields(
        _ events: [GridEvent], result: SimulationResult, planned: SimulationResult,
        reference: SimulationResult
    ) -> [SummaryField] {
        func meanNetKW(_ run: SimulationResult, _ event: GridEvent) -> Double {
            event.steps.reduce(0) { $0 + run.records[$1].netLoadKW } / Double(event.steps.count)
        }
        func response(_ run: SimulationResult, _ event: GridEvent) -> Double {
            let change = meanNetKW(reference, event) - meanNetKW(run, event)
            return event.direction == .reduce ? change : -change
        }
        let met = events.map { event -> Double in
            let target = abs(meanNetKW(reference, event) - event.boundKW)
            return target > 0 ? 100 * min(response(result, event) / target, 1) : 100
        }
        let count = Double(events.count)
        return [
            SummaryField(key: "dr_events", value: .integer(events.count), unit: ""),
            SummaryField(
                key: "dr_target_met_mean", value: .number(met.reduce(0, +) / count),
                unit: "percent"),
            SummaryField(
                key: "dr_delivered_mean",
                value: .number(events.reduce(0) { $0 + response(result, $1) } / count),
                unit: "kW"),
            SummaryField(
                key: "dr_planned_mean",
                value: .number(events.reduce(0) { $0 + response(planned, $1) } / count),
                unit: "kW"),
        ]
    }

    private static func failedSolveCount(_ strategy: PredictiveStrategy) -> Int {
        strategy.solves.filter { SolveStatus(rawValue: $0.status)?.hasSolution != true }.count
    }

    /// One line at the end for the per-step warnings of plans that were not found: the
    /// assets idled (or kept an older plan) in those steps, so the run's figures, savings
    /// included, are not what the strategy would achieve.
    static func warnOfFailedSolves(_ strategy: PredictiveStrategy, logger: Logger) {
        let failed = failedSolveCount(strategy)
        guard failed > 0 else { return }
        logger.warning("\(strategy.name): \(failed) of \(strategy.solves.count) solves found no "
            + "plan (status in solves.csv); in their steps the assets idled or kept an older "
            + "plan, so this run's figures are not the strategy's")
    }

    private static func solverFields(
        _ strategy: PredictiveStrategy, stepHours: Double, hasEvents: Bool
    ) -> [SummaryField] {
        let solves = strategy.solves
        let failed = failedSolveCount(strategy)
        var fields = [
            SummaryField(key: "solves", value: .integer(solves.count), unit: ""),
            SummaryField(key: "solves_without_solution", value: .integer(failed), unit: ""),
            SummaryField(
                key: "solver_iterations", value: .integer(solves.reduce(0) { $0 + $1.iterations }),
                unit: ""),
        ]
        if strategy.objective.peakTarget != nil || hasEvents {
            let shortfall = strategy.plannedShortfallKW.reduce(0) { $0 + $1 * stepHours }
            fields.append(SummaryField(
                key: "target_shortfall_planned", value: .number(shortfall), unit: "kWh"))
        }
        return fields
    }

    private static func solvesCSV(_ strategy: PredictiveStrategy, grid: TimeGrid) -> String {
        var lines = ["timestamp,window_steps,variables,rows,status,iterations"]
        for solve in strategy.solves {
            lines.append("\(grid.time(ofStep: solve.step)),\(solve.windowSteps),\(solve.variables),"
                + "\(solve.rows),\(solve.status),\(solve.iterations)")
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
