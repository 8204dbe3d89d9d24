import Engine

/// No control: vehicles charge at full power from arrival until they hold their departure
/// target (as a car with its charge limit set to the target does), batteries stay idle,
/// shiftable appliances run at their preferred time, nothing is curtailed, and every air
/// conditioner's thermostat holds its setpoint (the power that ends the step there, up to
/// the unit's limit).
///
/// The reference every other strategy is measured against. An idle battery may still draw
/// the small charge its management system needs to hold the minimum SOC against
/// self-discharge; the assets apply that themselves.
public struct UncontrolledStrategy: DispatchStrategy {
    public let name = "uncontrolled"

    public init() {}

    public mutating func decide(_ observation: Observation) -> Setpoints {
        Setpoints.uncontrolled(for: observation)
    }
}
