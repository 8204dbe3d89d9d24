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
        var setpoints = Setpoints.idle(for: observation)
        setpoints.evKW = observation.evChargers.indices.map { index in
            let charger = observation.evChargers[index]
            let untilTargetKW = charger.remainingNeedKWh
                / (charger.spec.chargeEfficiency * observation.stepHours)
            return observation.evRangeKW[index].clamp(untilTargetKW)
        }
        for (index, load) in observation.shiftableLoads.enumerated() {
            let preferred = load.activeJob(step: observation.step)?
                .preferredPowerKW(step: observation.step, stepHours: observation.stepHours) ?? 0
            setpoints.shiftableKW[index] = observation.shiftableRangeKW[index].clamp(preferred)
        }
        setpoints.thermostaticKW = observation.thermostaticLoads.map {
            $0.thermostatPowerKW(step: observation.step, stepHours: observation.stepHours)
        }
        return setpoints
    }
}
