import Assets
import VPPCore

/// Runs a strategy over the input's time grid.
///
/// Each step reads like the method: the assets observe the clock (vehicles plug in or leave,
/// appliance jobs open), the strategy decides, the assets advance after their limits, the
/// step is recorded, and the invariants are checked.
public struct Simulation {
    public let input: SimulationInput
    /// Check energy balance and state-of-charge bounds every step. On by default in debug
    /// builds and in tests; a release run may turn it on with `--check-invariants`.
    public var checksInvariants: Bool
    /// Called after each step with (steps done, steps in all); used for progress reports.
    public var progress: ((Int, Int) -> Void)?

    public init(input: SimulationInput, checksInvariants: Bool = _isDebugAssertConfiguration()) {
        self.input = input
        self.checksInvariants = checksInvariants
    }

    public func run(strategy: inout some DispatchStrategy) throws -> SimulationResult {
        try strategy.prepare(input: input)
        var fleet = Fleet(input: input)
        var records: [StepRecord] = []
        records.reserveCapacity(input.grid.stepCount)
        var curtailmentCost = 0.0

        for step in input.grid.steps {
            fleet.observeClock(step: step)
            let observation = fleet.observation(step: step, input: input)
            let decided = strategy.decide(observation)
            try checkShape(decided, observation: observation, strategy: strategy.name)
            let setpoints = observation.enforcingParticipation(decided)
            let outcome = fleet.advance(setpoints, step: step, input: input)
            let record = outcome.record(step: step, input: input)
            if checksInvariants {
                try InvariantCheck(input: input, step: step).verify(
                    outcome: outcome, record: record)
            }
            records.append(record)
            curtailmentCost += outcome.curtailmentCost
            progress?(step + 1, input.grid.stepCount)
        }

        fleet.finishHorizon(endStep: input.grid.stepCount)
        var result = SimulationResult(
            scenarioName: input.scenarioName, seed: input.seed, strategyName: strategy.name,
            grid: input.grid, currency: input.currency, records: records,
            batteries: fleet.batteries, sessionOutcomes: fleet.sessionOutcomes,
            shiftableLoads: fleet.shiftableLoads, curtailableLoads: fleet.curtailableLoads,
            thermostaticLoads: fleet.thermostaticLoads,
            curtailmentCost: curtailmentCost)
        result.gridConnection = input.gridConnection
        result.hasWindFarms = !input.windFarms.isEmpty
        return result
    }

    /// What a strategy would see at `step` after `strategy` ran the steps before it; for
    /// planners that solve their own problem from a given moment (response capability).
    public func observation(
        at step: Int, following strategy: inout some DispatchStrategy
    ) throws -> Observation {
        try strategy.prepare(input: input)
        var fleet = Fleet(input: input)
        for earlier in 0..<step {
            fleet.observeClock(step: earlier)
            let observation = fleet.observation(step: earlier, input: input)
            let setpoints = observation.enforcingParticipation(strategy.decide(observation))
            _ = fleet.advance(setpoints, step: earlier, input: input)
        }
        fleet.observeClock(step: step)
        return fleet.observation(step: step, input: input)
    }

    private func checkShape(
        _ setpoints: Setpoints, observation: Observation, strategy: String
    ) throws {
        let counts = [
            ("batteryKW", setpoints.batteryKW.count, observation.batteries.count),
            ("evKW", setpoints.evKW.count, observation.evChargers.count),
            ("shiftableKW", setpoints.shiftableKW.count, observation.shiftableLoads.count),
            (
                "curtailmentShedKW", setpoints.curtailmentShedKW.count,
                observation.curtailableLoads.count
            ),
            (
                "thermostaticKW", setpoints.thermostaticKW.count,
                observation.thermostaticLoads.count
            ),
        ]
        for (field, given, expected) in counts where given != expected {
            throw SimulationError.setpointCountMismatch(
                strategy: strategy, field: field, given: given, expected: expected)
        }
        let all = setpoints.batteryKW + setpoints.evKW + setpoints.shiftableKW
            + setpoints.curtailmentShedKW + setpoints.thermostaticKW
        if let bad = all.first(where: { !$0.isFinite }) {
            throw SimulationError.nonFiniteSetpoint(
                strategy: strategy, step: observation.step, value: bad)
        }
    }
}

/// Failures of a run that are not the scenario's fault.
public enum SimulationError: Error, CustomStringConvertible, Equatable {
    case setpointCountMismatch(strategy: String, field: String, given: Int, expected: Int)
    case nonFiniteSetpoint(strategy: String, step: Int, value: Double)
    case invariantViolated(step: Int, time: String, asset: String, detail: String)

    public var description: String {
        switch self {
        case let .setpointCountMismatch(strategy, field, given, expected):
            "strategy '\(strategy)' returned \(given) values in Setpoints.\(field), "
                + "but the scenario has \(expected) such assets; return one per asset"
        case let .nonFiniteSetpoint(strategy, step, value):
            "strategy '\(strategy)' returned the setpoint \(value) at step \(step); "
                + "setpoints must be finite numbers in kW"
        case let .invariantViolated(step, time, asset, detail):
            "invariant violated at step \(step) (\(time)) by \(asset): \(detail)"
        }
    }
}
