/// Parameters of a stationary battery. Power is on the AC side; energy is what is stored.
public struct BatterySpec: Sendable, Equatable {
    public var id: String
    public var energyCapacityKWh: Double
    public var maxChargePowerKW: Double
    public var maxDischargePowerKW: Double
    /// Fraction of AC energy that reaches storage when charging, in (0, 1].
    public var chargeEfficiency: Double
    /// Fraction of stored energy that reaches the AC side when discharging, in (0, 1].
    public var dischargeEfficiency: Double
    /// Operating bounds on state of charge, as fractions of `energyCapacityKWh`.
    public var minimumSOC: Double
    public var maximumSOC: Double
    public var initialSOC: Double
    /// Self-discharge: fraction of stored energy lost per hour.
    public var standingLossPerHour: Double
    /// Capacity fade per equivalent full cycle (throughput / (2 × capacity)), as a fraction
    /// of nominal capacity. Reported only: fade does not shrink capacity within a run, which
    /// is acceptable for runs of weeks (fade of order 1e-5 per cycle) but not for years.
    public var capacityFadePerFullCycle: Double
    /// How many identical real batteries this one stands for (a representative agent);
    /// its energy and power figures are already the sum over them. See `representing(_:)`.
    public var devices = 1
    /// The generator this battery shares its connection with and charges from; nil for a
    /// battery on the site's own connection.
    public var pairing: GenerationPairing?

    public init(
        id: String, energyCapacityKWh: Double, maxChargePowerKW: Double,
        maxDischargePowerKW: Double, chargeEfficiency: Double, dischargeEfficiency: Double,
        minimumSOC: Double, maximumSOC: Double, initialSOC: Double,
        standingLossPerHour: Double, capacityFadePerFullCycle: Double
    ) {
        self.id = id
        self.energyCapacityKWh = energyCapacityKWh
        self.maxChargePowerKW = maxChargePowerKW
        self.maxDischargePowerKW = maxDischargePowerKW
        self.chargeEfficiency = chargeEfficiency
        self.dischargeEfficiency = dischargeEfficiency
        self.minimumSOC = minimumSOC
        self.maximumSOC = maximumSOC
        self.initialSOC = initialSOC
        self.standingLossPerHour = standingLossPerHour
        self.capacityFadePerFullCycle = capacityFadePerFullCycle
    }

    public var minimumEnergyKWh: Double { minimumSOC * energyCapacityKWh }
    public var maximumEnergyKWh: Double { maximumSOC * energyCapacityKWh }
}

/// What a battery did over one step.
public struct BatteryStepOutcome: Sendable, Equatable {
    /// AC power actually drawn: positive charges, negative discharges.
    public var powerKW: Double
    public var energyBeforeKWh: Double
    public var energyAfterKWh: Double
    public var standingLossKWh: Double
    /// Energy lost in conversion (charging and discharging inefficiency).
    public var conversionLossKWh: Double
}

/// A stationary battery with its state.
///
/// One step of length Δt with AC power P (charge c = max(P, 0), discharge d = max(-P, 0)):
///   E' = E·(1 − λ·Δt) + η_c·c·Δt − d·Δt / η_d
/// A single signed setpoint means the battery never charges and discharges at once.
/// When self-discharge alone would take E' below the minimum, the battery management system
/// charges just enough to hold the minimum; that forced charge is part of `feasiblePowerRange`.
public struct Battery: Sendable {
    public let spec: BatterySpec
    public private(set) var energyKWh: Double
    /// AC energy charged plus AC energy discharged since the start, in kWh.
    public private(set) var throughputKWh: Double = 0

    public init(spec: BatterySpec) {
        self.spec = spec
        energyKWh = spec.initialSOC * spec.energyCapacityKWh
    }

    public var stateOfCharge: Double { energyKWh / spec.energyCapacityKWh }
    public var equivalentFullCycles: Double { throughputKWh / (2 * spec.energyCapacityKWh) }
    public var capacityFadeKWh: Double {
        equivalentFullCycles * spec.capacityFadePerFullCycle * spec.energyCapacityKWh
    }

    private func retainedEnergyKWh(stepHours: Double) -> Double {
        energyKWh * (1 - spec.standingLossPerHour * stepHours)
    }

    /// The AC powers (kW) this battery can take over a step of `stepHours` hours; a paired
    /// battery also within its generator's limits for `pairedGenerationKW` (see
    /// `GenerationPairing`). The BMS's forced charge at the minimum is never refused.
    public func feasiblePowerRange(
        stepHours: Double, pairedGenerationKW: Double = 0
    ) -> ClosedRange<Double> {
        let retained = retainedEnergyKWh(stepHours: stepHours)
        let headroomKWh = max(0, spec.maximumEnergyKWh - retained)
        let paired = spec.pairing?.limitsKW(generationKW: pairedGenerationKW)
        let chargeKW = min(spec.maxChargePowerKW, paired?.charge ?? .infinity)
        let dischargeKW = min(spec.maxDischargePowerKW, paired?.discharge ?? .infinity)
        let headroomKW = headroomKWh / (spec.chargeEfficiency * stepHours)
        let upper = min(chargeKW, headroomKW)
        let lower: Double
        if retained >= spec.minimumEnergyKWh {
            let availableKWh = retained - spec.minimumEnergyKWh
            lower = -min(dischargeKW, availableKWh * spec.dischargeEfficiency / stepHours)
        } else {
            let forcedKW = (spec.minimumEnergyKWh - retained) / (spec.chargeEfficiency * stepHours)
            lower = min(forcedKW, spec.maxChargePowerKW, headroomKW)
        }
        return lower...max(lower, upper)
    }

    /// Applies `setpointKW` after clipping it to the feasible range; returns what happened.
    public mutating func advance(
        setpointKW: Double, stepHours: Double, pairedGenerationKW: Double = 0
    ) -> BatteryStepOutcome {
        let power = feasiblePowerRange(stepHours: stepHours, pairedGenerationKW: pairedGenerationKW)
            .clamp(setpointKW)
        let before = energyKWh
        let standingLoss = before * spec.standingLossPerHour * stepHours
        let charge = max(power, 0) * stepHours
        let discharge = max(-power, 0) * stepHours
        let stored = spec.chargeEfficiency * charge - discharge / spec.dischargeEfficiency
        energyKWh = before - standingLoss + stored
        throughputKWh += charge + discharge
        let conversionLoss = (1 - spec.chargeEfficiency) * charge
            + discharge * (1 / spec.dischargeEfficiency - 1)
        return BatteryStepOutcome(
            powerKW: power, energyBeforeKWh: before, energyAfterKWh: energyKWh,
            standingLossKWh: standingLoss, conversionLossKWh: conversionLoss)
    }
}

extension ClosedRange where Bound == Double {
    /// The nearest value inside the range.
    public func clamp(_ value: Double) -> Double {
        Swift.min(Swift.max(value, lowerBound), upperBound)
    }
}
