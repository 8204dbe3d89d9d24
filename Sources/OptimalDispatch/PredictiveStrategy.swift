import Engine
import Foundation
import Optimizer
import VPPCore

/// Dispatch by optimisation, decided on forecasts and applied to the physics on actual data.
///
/// `optimal` plans once over the whole horizon with perfect forecasts: the bound every other
/// strategy is measured against. `mpc` re-plans every `replanEverySteps` over the next
/// `lookaheadSteps`, from the assets' actual states, and applies the plan's first steps.
/// Setpoints the physics cannot follow (a forecast that was wrong, rebound the plan
/// placed later) are clipped by the assets, never by the plan.
public struct PredictiveStrategy: DispatchStrategy {
    public let name: String
    public var objective: DispatchObjective
    public let forecastSettings: ForecastSettings
    /// Re-plan interval and look-ahead, in steps; nil means the whole horizon.
    public let replanEverySteps: Int?
    public let lookaheadSteps: Int?
    public var solverSettings: SolverSettings
    /// Whether plans know demand-response events before their notice (perfect foresight,
    /// as `optimal` has); otherwise each event enters the plans from its notice step on.
    public var foreseesEvents: Bool
    public private(set) var solves: [SolveRecord] = []
    /// Planned net load above the target cap, per step, from the plan in force (kW).
    public private(set) var plannedShortfallKW: [Double] = []
    /// Per step, the assets at a limit where the plan in force falls short of a cap.
    public private(set) var plannedBinding: [[BindingAsset]] = []
    private var forecast: ForecastSeries?
    private var plan: DispatchPlan?
    /// Set when a re-plan failed and the plan in force was kept: the next step re-plans.
    private var retriesPlan = false
    private let logger = Logger(subsystem: "optimal-dispatch")

    public init(
        name: String, objective: DispatchObjective, forecast: ForecastSettings = ForecastSettings(),
        replanEverySteps: Int? = nil, lookaheadSteps: Int? = nil,
        solverSettings: SolverSettings = SolverSettings(), foreseesEvents: Bool? = nil
    ) {
        self.name = name
        self.foreseesEvents = foreseesEvents ?? (replanEverySteps == nil)
        self.objective = objective
        forecastSettings = forecast
        self.replanEverySteps = replanEverySteps
        self.lookaheadSteps = lookaheadSteps
        self.solverSettings = solverSettings
    }

    public mutating func prepare(input: SimulationInput) throws {
        forecast = ForecastSeries(input: input, settings: forecastSettings)
        plan = nil
        retriesPlan = false
        solves = []
        plannedShortfallKW = Array(repeating: 0, count: input.grid.stepCount)
        plannedBinding = Array(repeating: [], count: input.grid.stepCount)
    }

    public mutating func decide(_ observation: Observation) -> Setpoints {
        if needsNewPlan(observation) { makePlan(observation) }
        return plan?.setpoints(step: observation.step) ?? Setpoints.idle(for: observation)
    }

    private func needsNewPlan(_ observation: Observation) -> Bool {
        let step = observation.step
        guard let plan, !retriesPlan else { return true }
        // A demand-response event announced now changes what the plan must do.
        if !foreseesEvents, observation.input.events.contains(where: { $0.noticeStep == step }),
            step > plan.firstStep {
            return true
        }
        // Opt-outs become known when their event starts; the plan must do without them.
        if let participation = observation.input.participation, step > plan.firstStep,
            observation.input.events.contains(where: {
                $0.steps.lowerBound == step && participation.hasOptOuts(eventID: $0.id)
            }) {
            return true
        }
        if let every = replanEverySteps, (step - plan.firstStep) >= every { return true }
        return plan.setpoints(step: step) == nil
    }

    private mutating func makePlan(_ observation: Observation) {
        guard let forecast else { return }
        let lookahead = lookaheadSteps ?? observation.input.grid.stepCount
        let window = PlanningWindow(
            observation: observation, forecast: forecast, lookaheadSteps: lookahead,
            eventsKnownAt: foreseesEvents ? Int.max : observation.step)
        let model = DispatchModel(window: window, objective: objective)
        let result: SolveResult
        do {
            result = try model.model.solve(settings: solverSettings)
        } catch {
            logger.error("step \(observation.step) (\(observation.time)): "
                + "the dispatch model was rejected: \(error)")
            plan = nil
            return
        }
        solves.append(SolveRecord(
            step: observation.step, windowSteps: window.count, status: result.status.rawValue,
            iterations: result.iterations, seconds: result.solveTimeSeconds,
            variables: model.model.variableCount, rows: model.model.rowCount))
        guard result.status.hasSolution else {
            // A plan in force that still covers this step is a better fallback than idling;
            // the next step tries again.
            let keeps = plan?.setpoints(step: observation.step) != nil
            logger.warning("step \(observation.step) (\(observation.time)): "
                + "\(result.status.sentence) "
                + (keeps ? "The plan in force continues; the next step re-plans."
                    : "The assets idle until the next plan."))
            if keeps { retriesPlan = true } else { plan = nil }
            return
        }
        retriesPlan = false
        let newPlan = DispatchPlan(model: model, result: result)
        for (k, shortfall) in newPlan.shortfallKW.enumerated() {
            plannedShortfallKW[newPlan.firstStep + k] = shortfall
            plannedBinding[newPlan.firstStep + k] = newPlan.bindingAssets[k]
        }
        plan = newPlan
    }
}
