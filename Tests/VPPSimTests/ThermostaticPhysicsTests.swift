import Assets
import Foundation
import Testing

/// Hand-computed cooled-zone cases. Every zone here has R = 2 °C/kW and C = 5 kWh/°C, so
/// with hourly steps τ = 10 h and a = e^−0.1 = 0.904837418035959…; COP 3. The expected
/// values follow from T' = a·T + (1 − a)·(T_out − R·COP·P) worked on paper (with the
/// decimal expansion of e^−0.1 and e^−0.2), not by running the code.
/// Tolerance: 1e-12 °C or kW, above Double rounding, far below any reported digit.
private let tolerance = 1e-12

func zone(
    outdoorC: [Double], maxPowerKW: Double = 5, band: ClosedRange<Double> = 22...26,
    setpointC: Double = 24, initialC: Double = 24
) -> ThermostaticLoadSpec {
    ThermostaticLoadSpec(
        id: "zone", thermalResistanceCPerKW: 2, thermalCapacitanceKWhPerC: 5,
        coefficientOfPerformance: 3, maxPowerKW: maxPowerKW,
        minimumTemperatureC: band.lowerBound, maximumTemperatureC: band.upperBound,
        setpointC: setpointC, initialTemperatureC: initialC, outdoorTemperatureC: outdoorC)
}

@Suite("Thermostatic physics, hand-computed")
struct ThermostaticPhysicsTests {
    /// Outdoors 30 °C, indoors 24 °C: the thermostat needs (30 − 24)/(R·COP) = 1 kW, the
    /// steady state T_ss = 30 − 2·3·1 = 24 °C, so the zone stays at exactly 24 °C.
    @Test func thermostatHoldsTheSetpoint() {
        var load = ThermostaticLoad(spec: zone(outdoorC: [30, 30]))
        for step in 0..<2 {
            let power = load.thermostatPowerKW(step: step, stepHours: 1)
            #expect(abs(power - 1) < tolerance)
            let outcome = load.advance(setpointKW: power, step: step, stepHours: 1)
            #expect(abs(outcome.temperatureAfterC - 24) < tolerance)
        }
    }

    /// With the unit off the zone drifts toward 30 °C:
    ///   T1 = 30 − 6·e^−0.1 = 24.570975491784…,  T2 = 30 − 6·e^−0.2 = 25.087615481532…
    /// The envelope brings in C·(T1 − 24) = 5 · 0.570975491784… = 2.854877458921… kWh.
    @Test func freeFloatingTrajectory() {
        var load = ThermostaticLoad(spec: zone(outdoorC: [30, 30], band: 22...27))
        let first = load.advance(setpointKW: 0, step: 0, stepHours: 1)
        #expect(abs(first.temperatureAfterC - 24.570975491784242) < tolerance)
        #expect(abs(first.envelopeGainKWh - 2.8548774589212123) < 1e-9)
        #expect(first.heatRemovedKWh == 0)
        let second = load.advance(setpointKW: 0, step: 1, stepHours: 1)
        #expect(abs(second.temperatureAfterC - 25.087615481532108) < tolerance)
        #expect(load.discomfortDegreeHours == 0)
    }

    /// Band 22–25 °C. Off, step 2 would end at 25.0876… °C, above the band, so the zone
    /// clips the setpoint 0 to the least power that ends at 25 °C:
    ///   P = (25.087615481532… − 25) / ((1 − e^−0.1)·R·COP) = 0.087615… / 0.570975… 
    ///     = 0.153448760573… kW,
    /// and a setpoint of 100 kW is clipped to P_max = 5 kW (ending at 22 °C would take
    /// 6.09 kW): T_ss = 30 − 2·3·5 = 0 °C, so T3 = 25·e^−0.1 = 22.620935450898… °C.
    @Test func setpointsAreClippedToTheComfortBand() {
        var load = ThermostaticLoad(spec: zone(outdoorC: [30, 30, 30], band: 22...25))
        _ = load.advance(setpointKW: 0, step: 0, stepHours: 1)
        let clipped = load.advance(setpointKW: 0, step: 1, stepHours: 1)
        #expect(abs(clipped.powerKW - 0.15344876057345588) < 1e-12)
        #expect(abs(clipped.temperatureAfterC - 25) < tolerance)
        let cold = load.advance(setpointKW: 100, step: 2, stepHours: 1)
        #expect(cold.powerKW == 5)
        #expect(abs(cold.temperatureAfterC - 22.62093545089899) < tolerance)
        #expect(load.discomfortDegreeHours == 0)
    }

    /// Outdoors 50 °C with a 1 kW unit. Step 1 with the unit off would end at
    /// 50 − 26·e^−0.1 = 26.474…, so the setpoint 0 is clipped to the least power that ends
    /// at 26 °C: (26.474227… − 26)/((1 − e^−0.1)·6) = 0.4742271/0.5709755 = 0.830556… kW.
    /// Step 2 cannot hold 26 °C even at full power (T_ss = 50 − 6 = 44 °C):
    ///   T2 = 44 − 18·e^−0.1 = 27.712926… °C, 1.712926… degree-hours of discomfort.
    @Test func discomfortWhenTheBandCannotBeHeld() {
        var load = ThermostaticLoad(spec: zone(outdoorC: [50, 50], maxPowerKW: 1))
        let first = load.advance(setpointKW: 0, step: 0, stepHours: 1)
        #expect(abs(first.powerKW - 0.8305560184083258) < 1e-9)
        #expect(abs(first.temperatureAfterC - 26) < tolerance)
        #expect(first.discomfortDegreeHours == 0)
        let second = load.advance(setpointKW: 0, step: 1, stepHours: 1)
        #expect(second.powerKW == 1)
        let expected = 44 - 18 * 0.9048374180359595
        #expect(abs(second.temperatureAfterC - expected) < tolerance)
        #expect(abs(load.discomfortDegreeHours - (expected - 26)) < tolerance)
    }

    /// The heat balance closes: C·(T' − T) = envelope gain − COP·P·Δt, half-hour steps.
    @Test func heatBalanceCloses() {
        var load = ThermostaticLoad(spec: zone(outdoorC: [33, 28, 35]))
        for (step, setpoint) in [0.4, 2.0, 1.1].enumerated() {
            let outcome = load.advance(setpointKW: setpoint, step: step, stepHours: 0.5)
            let stored = 5 * (outcome.temperatureAfterC - outcome.temperatureBeforeC)
            #expect(abs(outcome.heatRemovedKWh - 3 * outcome.powerKW * 0.5) < tolerance)
            #expect(abs(stored - (outcome.envelopeGainKWh - outcome.heatRemovedKWh)) < 1e-9)
        }
    }

    /// Four zones as one entry: K·P_max, K·C, R/K. With K a power of two the scaling is
    /// exact in binary floating point, so the aggregate draws exactly four times the power
    /// of one zone and has exactly the same temperature, step after step.
    @Test func aggregateOfFourIsExactlyFourTimesOne() {
        let one = zone(outdoorC: [31, 34, 36, 29], band: 22...25)
        var single = ThermostaticLoad(spec: one)
        var four = ThermostaticLoad(spec: one.aggregated(count: 4))
        #expect(four.spec.zoneCount == 4)
        for (step, setpoint) in [0.5, 0, 4, 0.8].enumerated() {
            let a = single.advance(setpointKW: setpoint, step: step, stepHours: 0.25)
            let b = four.advance(setpointKW: 4 * setpoint, step: step, stepHours: 0.25)
            #expect(b.powerKW == 4 * a.powerKW)
            #expect(b.temperatureAfterC == a.temperatureAfterC)
            #expect(single.thermostatPowerKW(step: step, stepHours: 0.25) * 4
                == four.thermostatPowerKW(step: step, stepHours: 0.25))
        }
    }
}
