import Engine
import Optimizer
import VPPCore

/// The largest reduction below the baseline the fleet can hold for a required duration at
/// the system peak, and what each asset class contributed.
///
/// The peak period is the `durationSteps` with the highest average baseline net load. The
/// problem is the dispatch model from half a day before that period to half a day after,
/// starting from the assets' states under the baseline strategy, with maximise R subject
/// to net_t ≤ baseline_t − R in the period; vehicles must still meet their departure
/// targets (their unmet energy costs far more than any reduction gains), cooled zones stay
/// in their comfort bands (on the same terms), and batteries end the window with their
/// initial energy, as in every plan.
public struct ResponseCapability: Sendable {
    public struct ClassContribution: Sendable, Equatable {
        public let assetClass: String
        /// Average reduction below the class's baseline power over the period, kW.
        public let reductionKW: Double
        /// What stopped the class from giving more, in words.
        public let limitedBy: String
    }

    public let capabilityKW: Double
    public let periodStart: CivilTime
    public let periodEnd: CivilTime
    public let baselinePeriodAverageKW: Double
    public let contributions: [ClassContribution]
    public let status: SolveStatus
    public let solveSeconds: Double

    /// - Parameters:
    ///   - baseline: the uncontrolled run, whose net load is the baseline.
    ///   - durationSteps: how long the reduction must be held.
    public static func compute(
        input: SimulationInput, baseline: SimulationResult, baselineStrategy: some DispatchStrategy,
        durationSteps: Int, solverSettings: SolverSettings = SolverSettings()
    ) throws -> ResponseCapability {
        var baselineStrategy = baselineStrategy
        let baselineKW = baseline.records.map(\.netLoadKW)
        let duration = max(1, min(durationSteps, baselineKW.count))
        let period = peakPeriod(baselineKW, duration: duration)
        let halfDay = Int((input.grid.stepsPerDay / 2).rounded())
        let start = max(0, period.lowerBound - halfDay)
        let end = min(input.grid.stepCount, period.upperBound + halfDay)
        let observation = try Simulation(input: input, checksInvariants: false)
            .observation(at: start, following: &baselineStrategy)
        let window = PlanningWindow(
            observation: observation,
            forecast: ForecastSeries(input: input, settings: ForecastSettings()),
            lookaheadSteps: end - start)
        let highestPrice = input.importPricePerKWh.max() ?? 1
        let weight = 100 * max(highestPrice, 1) * input.grid.stepHours * Double(end - start)
        var objective = DispatchObjective(
            unmetEVPenaltyPerKWh: 100 * weight, smoothingPerKW2: 0,
            discomfortPenaltyPerDegreeHour: 100 * weight)
        objective.peakTarget = nil
        let request = DispatchModel.CapabilityRequest(
            steps: period, baselineKW: baselineKW, weightPerKW: weight)
        let model = DispatchModel(window: window, objective: objective, capability: request)
        let result = try model.model.solve(settings: solverSettings)
        let solved = result.status.hasSolution
            ? (model.capability.map { result.x[$0.index] } ?? 0) : 0
        let size = max(1, period.map { abs(baselineKW[$0]) }.max() ?? 0)
        let reduction = abs(solved) <= Tolerances.relativeCapability * size ? 0 : solved
        let plan = DispatchPlan(model: model, result: result)
        return ResponseCapability(
            capabilityKW: reduction, periodStart: input.grid.time(ofStep: period.lowerBound),
            periodEnd: input.grid.time(ofStep: period.upperBound),
            baselinePeriodAverageKW: period.reduce(0) { $0 + baselineKW[$1] } / Double(duration),
            contributions: CapabilityContributions(
                input: input, baseline: baseline, plan: plan, period: period).classes,
            status: result.status, solveSeconds: result.solveTimeSeconds)
    }

    /// The `duration` consecutive steps with the highest average load (earliest on ties).
    static func peakPeriod(_ load: [Double], duration: Int) -> Range<Int> {
        var best = 0
        var bestSum = -Double.infinity
        var sum = load[0..<duration].reduce(0, +)
        for start in 0...(load.count - duration) {
            if start > 0 { sum += load[start + duration - 1] - load[start - 1] }
            if sum > bestSum + 1e-9 {
                bestSum = sum
                best = start
            }
        }
        return best..<(best + duration)
    }
}
