import Assets
import VPPCore

/// What a strategy sees at the start of a step: the inputs (its forecast), the clock, the
/// assets' states and the range of setpoints each asset can take in this step.
public struct Observation {
    public let step: Int
    public let time: CivilTime
    public let input: SimulationInput
    public let batteries: [Battery]
    public let evChargers: [EVCharger]
    public let shiftableLoads: [ShiftableLoad]
    public let curtailableLoads: [CurtailableLoad]
    public let thermostaticLoads: [ThermostaticLoad]
    /// The setpoint ranges; an asset the strategy does not control this step (see
    /// `controllable`) has the single value it runs at, as under `uncontrolled`.
    public internal(set) var batteryRangeKW: [ClosedRange<Double>]
    public internal(set) var evRangeKW: [ClosedRange<Double>]
    public internal(set) var shiftableRangeKW: [ClosedRange<Double>]
    public internal(set) var curtailableShedRangeKW: [ClosedRange<Double>]
    /// Electric powers that keep each cooled zone in its comfort band this step.
    public internal(set) var thermostaticRangeKW: [ClosedRange<Double>]
    /// The assets whose setpoints the engine applies this step: the enrolled ones, less
    /// those sitting out an event under way. Nil when every asset is controlled.
    public internal(set) var controllable: AssetFlags?

    public var stepHours: Double { input.grid.stepHours }
}

/// One setpoint per asset, in the order of the input's asset lists. Assets clip setpoints to
/// their feasible range, so a strategy cannot break the physics, only lose value.
public struct Setpoints: Sendable, Equatable {
    /// AC power, positive charges.
    public var batteryKW: [Double]
    /// AC power, positive charges the vehicle, negative is V2G.
    public var evKW: [Double]
    public var shiftableKW: [Double]
    /// Power shed, not power drawn.
    public var curtailmentShedKW: [Double]
    /// Electric power of each air conditioner (cooling), kW.
    public var thermostaticKW: [Double]

    public init(
        batteryKW: [Double], evKW: [Double], shiftableKW: [Double], curtailmentShedKW: [Double],
        thermostaticKW: [Double] = []
    ) {
        self.batteryKW = batteryKW
        self.evKW = evKW
        self.shiftableKW = shiftableKW
        self.curtailmentShedKW = curtailmentShedKW
        self.thermostaticKW = thermostaticKW
    }

    /// What every asset does without control: vehicles charge at full power from arrival
    /// until they hold their departure target, appliances run at their preferred time,
    /// batteries idle and nothing is shed. Each value lies in the asset's range.
    public static func uncontrolled(for observation: Observation) -> Setpoints {
        var setpoints = Setpoints.idle(for: observation)
        let hours = observation.stepHours
        setpoints.evKW = observation.evChargers.indices.map { index in
            let charger = observation.evChargers[index]
            let untilTargetKW = charger.remainingNeedKWh / (charger.spec.chargeEfficiency * hours)
            return observation.evRangeKW[index].clamp(untilTargetKW)
        }
        for (index, load) in observation.shiftableLoads.enumerated() {
            let preferred = load.activeJob(step: observation.step)?
                .preferredPowerKW(step: observation.step, stepHours: hours) ?? 0
            setpoints.shiftableKW[index] = observation.shiftableRangeKW[index].clamp(preferred)
        }
        setpoints.thermostaticKW = observation.thermostaticLoads.indices.map { index in
            observation.thermostaticRangeKW[index].clamp(
                observation.thermostaticLoads[index].thermostatPowerKW(
                    step: observation.step, stepHours: hours))
        }
        return setpoints
    }

    /// All zeros, sized for `observation` (air conditioners off, as far as the comfort band
    /// allows: the zones clip the setpoint to their range).
    public static func idle(for observation: Observation) -> Setpoints {
        Setpoints(
            batteryKW: Array(repeating: 0, count: observation.batteries.count),
            evKW: Array(repeating: 0, count: observation.evChargers.count),
            shiftableKW: Array(repeating: 0, count: observation.shiftableLoads.count),
            curtailmentShedKW: Array(repeating: 0, count: observation.curtailableLoads.count),
            thermostaticKW: Array(repeating: 0, count: observation.thermostaticLoads.count))
    }
}

/// A dispatch strategy: decides every asset's setpoint at every step.
///
/// To add one, write a type conforming to this protocol (in its own module or in
/// Strategies) and register it in `StrategyRegistry`; the engine needs no change.
/// `prepare` is called once before the first step, so a strategy that plans ahead (an
/// optimiser, a look-ahead rule) can build its plan there or re-plan inside `decide`.
public protocol DispatchStrategy {
    /// The name used on the command line and in results.
    var name: String { get }
    mutating func prepare(input: SimulationInput) throws
    mutating func decide(_ observation: Observation) -> Setpoints
}

extension DispatchStrategy {
    public mutating func prepare(input: SimulationInput) throws {}
}
