import VPPCore

/// Parameters of a curtailable load: a demand profile part of which may be shed.
public struct CurtailableLoadSpec: Sendable, Equatable {
    public var id: String
    /// Demand per simulation step, in kW, before any curtailment.
    public var demandKW: [Double]
    /// Largest share of the demand that may be shed in a step, in [0, 1].
    public var maxShedFraction: Double
    /// Cost of shedding, per kWh shed (the tariff's currency).
    public var costPerKWhShed: Double
    /// Share of shed energy that comes back later (rebound), in [0, 1].
    public var reboundFraction: Double
    /// Fastest rate at which owed rebound energy is paid back, in kW.
    public var reboundMaxPowerKW: Double

    public init(
        id: String, demandKW: [Double], maxShedFraction: Double, costPerKWhShed: Double,
        reboundFraction: Double, reboundMaxPowerKW: Double
    ) {
        self.id = id
        self.demandKW = demandKW
        self.maxShedFraction = maxShedFraction
        self.costPerKWhShed = costPerKWhShed
        self.reboundFraction = reboundFraction
        self.reboundMaxPowerKW = reboundMaxPowerKW
    }
}

/// What a curtailable load did over one step.
public struct CurtailableStepOutcome: Sendable, Equatable {
    /// Power drawn: demand − shed + rebound.
    public var powerKW: Double
    public var shedKW: Double
    public var reboundKW: Double
}

/// A curtailable load with the rebound energy it still owes.
///
/// A step either sheds or pays back: while shedding, `reboundFraction` of the shed energy
/// is added to what is owed; in a step without shedding the load draws the owed energy back
/// at up to `reboundMaxPowerKW`, on top of its demand. A negligible setpoint
/// (`Tolerances.negligibleShedFraction`) sheds nothing, so an optimiser's roundoff above
/// zero does not hold the rebound off.
public struct CurtailableLoad: Sendable {
    public let spec: CurtailableLoadSpec
    public private(set) var owedReboundKWh: Double = 0

    public init(spec: CurtailableLoadSpec) {
        self.spec = spec
    }

    /// The shed powers (kW) allowed at `step`.
    public func feasibleShedRange(step: Int) -> ClosedRange<Double> {
        0...(spec.maxShedFraction * spec.demandKW[step])
    }

    public mutating func advance(
        shedSetpointKW: Double, step: Int, stepHours: Double
    ) -> CurtailableStepOutcome {
        let range = feasibleShedRange(step: step)
        let negligibleKW = max(
            Tolerances.negligiblePowerKW, Tolerances.negligibleShedFraction * range.upperBound)
        let shed = shedSetpointKW <= negligibleKW ? 0 : range.clamp(shedSetpointKW)
        let demand = spec.demandKW[step]
        var rebound = 0.0
        if shed > 0 {
            owedReboundKWh += spec.reboundFraction * shed * stepHours
        } else if owedReboundKWh > 0 {
            rebound = min(spec.reboundMaxPowerKW, owedReboundKWh / stepHours)
            owedReboundKWh = max(0, owedReboundKWh - rebound * stepHours)
        }
        return CurtailableStepOutcome(
            powerKW: demand - shed + rebound, shedKW: shed, reboundKW: rebound)
    }
}
