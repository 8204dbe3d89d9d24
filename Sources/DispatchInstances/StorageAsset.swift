/// One controllable storage asset over the horizon: a stationary battery or an EV.
public struct StorageAsset: Sendable, Equatable {
    public enum Kind: String, Sendable { case battery, electricVehicle }

    public var name: String
    public var kind: Kind
    public var energyCapacityKWh: Double
    public var chargePowerKW: Double
    /// Discharge limit; for an EV this is vehicle-to-grid (V2G) power.
    public var dischargePowerKW: Double
    public var chargeEfficiency: Double
    public var dischargeEfficiency: Double
    /// Fraction of stored energy lost per step (self-discharge).
    public var lossFractionPerStep: Double
    /// Stored energy at the start of the horizon (for an EV: when it arrives).
    public var initialEnergyKWh: Double
    /// Steps when the asset can charge or discharge; outside, its power is 0.
    public var availableSteps: Range<Int>
    /// Least stored energy when `availableSteps` ends (departure; battery: end of day).
    public var minimumFinalEnergyKWh: Double
    /// Quadratic degradation cost on charge and discharge power, $/kW^2 per step.
    public var degradationCostPerKW2: Double
}
