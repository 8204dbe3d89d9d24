import Foundation
import VPPCore

/// Parameters of a cooled building zone: a first-order (1R1C) thermal model with an air
/// conditioner, and the comfort band its occupants accept.
public struct ThermostaticLoadSpec: Sendable, Equatable {
    public var id: String
    /// Thermal resistance between the zone and outdoors, in °C per kW of heat flow.
    public var thermalResistanceCPerKW: Double
    /// Thermal capacitance of the zone, in kWh per °C.
    public var thermalCapacitanceKWhPerC: Double
    /// Coefficient of performance: heat removed per unit of electric energy.
    public var coefficientOfPerformance: Double
    /// Highest electric power of the air conditioner, in kW.
    public var maxPowerKW: Double
    /// Comfort band of indoor temperature, in °C.
    public var minimumTemperatureC: Double
    public var maximumTemperatureC: Double
    /// What the thermostat holds when nobody controls it, in °C (inside the band).
    public var setpointC: Double
    public var initialTemperatureC: Double
    /// Outdoor dry-bulb temperature per simulation step, in °C.
    public var outdoorTemperatureC: [Double]
    /// How many identical zones this spec stands for (see `aggregated(count:)`); discomfort
    /// is reported per zone, so it is multiplied by this.
    public var zoneCount: Int = 1

    public init(
        id: String, thermalResistanceCPerKW: Double, thermalCapacitanceKWhPerC: Double,
        coefficientOfPerformance: Double, maxPowerKW: Double, minimumTemperatureC: Double,
        maximumTemperatureC: Double, setpointC: Double, initialTemperatureC: Double,
        outdoorTemperatureC: [Double]
    ) {
        self.id = id
        self.thermalResistanceCPerKW = thermalResistanceCPerKW
        self.thermalCapacitanceKWhPerC = thermalCapacitanceKWhPerC
        self.coefficientOfPerformance = coefficientOfPerformance
        self.maxPowerKW = maxPowerKW
        self.minimumTemperatureC = minimumTemperatureC
        self.maximumTemperatureC = maximumTemperatureC
        self.setpointC = setpointC
        self.initialTemperatureC = initialTemperatureC
        self.outdoorTemperatureC = outdoorTemperatureC
    }

    /// `count` identical zones as one: the model is linear and homogeneous, so K zones with
    /// the same state behave exactly as one with K times the power and the capacitance and
    /// 1/K of the resistance (the time constant R·C and the temperatures are unchanged).
    public func aggregated(count: Int) -> ThermostaticLoadSpec {
        precondition(count >= 1, "count should be at least 1, but is \(count)")
        var spec = self
        let k = Double(count)
        spec.maxPowerKW = maxPowerKW * k
        spec.thermalCapacitanceKWhPerC = thermalCapacitanceKWhPerC * k
        spec.thermalResistanceCPerKW = thermalResistanceCPerKW / k
        spec.zoneCount = zoneCount * count
        return spec
    }

    /// The exact one-step model over `stepHours` with power held constant:
    /// T' = a·T + (1 − a)·(T_out − R·COP·P), a = exp(−Δt / (R·C)).
    public func decayFactor(stepHours: Double) -> Double {
        exp(-stepHours / (thermalResistanceCPerKW * thermalCapacitanceKWhPerC))
    }

    /// Indoor temperature at the end of a step from `temperatureC` at power `powerKW`.
    public func nextTemperatureC(
        from temperatureC: Double, powerKW: Double, step: Int, stepHours: Double
    ) -> Double {
        let a = decayFactor(stepHours: stepHours)
        let steadyC = outdoorTemperatureC[step]
            - thermalResistanceCPerKW * coefficientOfPerformance * powerKW
        return a * temperatureC + (1 - a) * steadyC
    }

    /// The constant power that ends the step at `targetC` (any sign; callers clip it).
    public func powerKW(
        reaching targetC: Double, from temperatureC: Double, step: Int, stepHours: Double
    ) -> Double {
        let a = decayFactor(stepHours: stepHours)
        let freeC = a * temperatureC + (1 - a) * outdoorTemperatureC[step]
        return (freeC - targetC)
            / ((1 - a) * thermalResistanceCPerKW * coefficientOfPerformance)
    }
}

/// What a cooled zone did over one step.
public struct ThermostaticStepOutcome: Sendable, Equatable {
    /// Electric power drawn, kW.
    public var powerKW: Double
    public var temperatureBeforeC: Double
    public var temperatureAfterC: Double
    /// Heat removed by the air conditioner: COP × electric energy, kWh.
    public var heatRemovedKWh: Double
    /// Heat that flowed in through the envelope over the step, from the exact mean indoor
    /// temperature of the step: (T_out − mean T)·Δt / R, kWh.
    public var envelopeGainKWh: Double
    /// Degree-hours outside the comfort band, judged on the end-of-step temperature and
    /// summed over the zones the spec stands for.
    public var discomfortDegreeHours: Double
}

/// A cooled zone with its indoor temperature.
///
/// The air conditioner draws any power in [0, P_max]; the zone clips a setpoint that would
/// take the end-of-step temperature out of the comfort band to the nearest power that keeps
/// it in, where some power can. When none can (too hot outdoors even at full power, or too
/// cool even with the unit off), the unit runs at the limit and the time outside the band
/// is reported as discomfort. Discomfort is judged on the temperature at the end of each
/// step; a step that leaves the band and returns within it is not seen, which is acceptable
/// for steps of an hour or less against time constants of several hours.
public struct ThermostaticLoad: Sendable {
    public let spec: ThermostaticLoadSpec
    public private(set) var temperatureC: Double
    public private(set) var discomfortDegreeHours: Double = 0

    public init(spec: ThermostaticLoadSpec) {
        self.spec = spec
        temperatureC = spec.initialTemperatureC
    }

    /// The powers (kW) that keep the end-of-step temperature in the comfort band, or the
    /// limit closest to it when none can.
    public func feasiblePowerRange(step: Int, stepHours: Double) -> ClosedRange<Double> {
        let limits = 0...spec.maxPowerKW
        let lower = limits.clamp(spec.powerKW(
            reaching: spec.maximumTemperatureC, from: temperatureC, step: step,
            stepHours: stepHours))
        let upper = limits.clamp(spec.powerKW(
            reaching: spec.minimumTemperatureC, from: temperatureC, step: step,
            stepHours: stepHours))
        return lower...max(lower, upper)
    }

    /// The power a thermostat holding the setpoint draws: what ends the step at the
    /// setpoint, clipped to [0, P_max].
    public func thermostatPowerKW(step: Int, stepHours: Double) -> Double {
        (0...spec.maxPowerKW).clamp(spec.powerKW(
            reaching: spec.setpointC, from: temperatureC, step: step, stepHours: stepHours))
    }

    public mutating func advance(
        setpointKW: Double, step: Int, stepHours: Double
    ) -> ThermostaticStepOutcome {
        let power = feasiblePowerRange(step: step, stepHours: stepHours).clamp(setpointKW)
        let before = temperatureC
        let after = spec.nextTemperatureC(
            from: before, powerKW: power, step: step, stepHours: stepHours)
        let a = spec.decayFactor(stepHours: stepHours)
        let resistance = spec.thermalResistanceCPerKW
        let steadyC = spec.outdoorTemperatureC[step]
            - resistance * spec.coefficientOfPerformance * power
        // Mean of T(s) = T_ss + (T − T_ss)·exp(−s/τ) over the step, τ = R·C.
        let tau = resistance * spec.thermalCapacitanceKWhPerC
        let meanC = steadyC + (before - steadyC) * tau * (1 - a) / stepHours
        let excursion = max(0, after - spec.maximumTemperatureC)
            + max(0, spec.minimumTemperatureC - after)
        let outside = (excursion > Tolerances.temperatureC ? excursion : 0)
            * Double(spec.zoneCount)
        temperatureC = after
        discomfortDegreeHours += outside * stepHours
        return ThermostaticStepOutcome(
            powerKW: power, temperatureBeforeC: before, temperatureAfterC: after,
            heatRemovedKWh: spec.coefficientOfPerformance * power * stepHours,
            envelopeGainKWh: (spec.outdoorTemperatureC[step] - meanC) * stepHours / resistance,
            discomfortDegreeHours: outside * stepHours)
    }
}
