import Assets
import Testing

/// Hand-computed cases: every expected value below was worked out on paper from the
/// update equations in docs/physics.md, not by running the code.
/// Tolerance: 1e-12 kWh or kW, far below any reported digit, above Double rounding.
private let tolerance = 1e-12

@Suite("Asset physics, hand-computed")
struct AssetPhysicsTests {
    /// 10 kWh battery, 4 kW both ways, η_c = 0.9, η_d = 0.8, SOC 0.1–0.9, starts at 5 kWh,
    /// self-discharge 1 %/h, half-hour steps.
    ///  1. +4 kW:  5·0.995 = 4.975, + 0.9·4·0.5 = 1.8  → 6.775
    ///  2. +10 kW: clipped to 4; 6.775·0.995 = 6.741125 + 1.8 → 8.541125
    ///  3. +4 kW:  retained 8.498419375; room to 9 kWh is 0.501580625 kWh
    ///             → 0.501580625 / (0.9·0.5) = 1.114623611… kW, ends at exactly 9 kWh
    ///  4. −10 kW: clipped to −4; 9·0.995 = 8.955 − 4·0.5/0.8 = 2.5 → 6.455
    /// Throughput (4 + 4 + 1.114623611… + 4)·0.5 = 6.557311805… kWh.
    @Test func batteryOverFourSteps() {
        var battery = Battery(spec: BatterySpec(
            id: "b", energyCapacityKWh: 10, maxChargePowerKW: 4, maxDischargePowerKW: 4,
            chargeEfficiency: 0.9, dischargeEfficiency: 0.8, minimumSOC: 0.1, maximumSOC: 0.9,
            initialSOC: 0.5, standingLossPerHour: 0.01, capacityFadePerFullCycle: 0))
        let expected: [(power: Double, energy: Double)] = [
            (4, 6.775), (4, 8.541125), (802_529.0 / 720_000, 9), (-4, 6.455),
        ]
        for (setpoint, want) in zip([4.0, 10, 4, -10], expected) {
            let outcome = battery.advance(setpointKW: setpoint, stepHours: 0.5)
            #expect(abs(outcome.powerKW - want.power) < tolerance)
            #expect(abs(outcome.energyAfterKWh - want.energy) < tolerance)
        }
        #expect(abs(battery.throughputKWh - 9_442_529.0 / 1_440_000) < tolerance)
        #expect(abs(battery.equivalentFullCycles - 9_442_529.0 / 1_440_000 / 20) < tolerance)
    }

    /// At its 1 kWh minimum with 10 %/h self-discharge, an idle battery must take
    /// 0.1 kWh / (0.9 · 1 h) = 0.1111… kW to stay at the minimum.
    @Test func batteryHoldsMinimumAgainstSelfDischarge() {
        var battery = Battery(spec: BatterySpec(
            id: "b", energyCapacityKWh: 10, maxChargePowerKW: 4, maxDischargePowerKW: 4,
            chargeEfficiency: 0.9, dischargeEfficiency: 1, minimumSOC: 0.1, maximumSOC: 1,
            initialSOC: 0.1, standingLossPerHour: 0.1, capacityFadePerFullCycle: 0))
        let outcome = battery.advance(setpointKW: 0, stepHours: 1)
        #expect(abs(outcome.powerKW - 1.0 / 9) < tolerance)
        #expect(abs(battery.energyKWh - 1) < tolerance)
    }

    /// Capacity fade: 2 full cycles of a 10 kWh battery at 1e-3 per cycle fade 0.02 kWh.
    @Test func capacityFadeFollowsThroughput() {
        var battery = Battery(spec: BatterySpec(
            id: "b", energyCapacityKWh: 10, maxChargePowerKW: 10, maxDischargePowerKW: 10,
            chargeEfficiency: 1, dischargeEfficiency: 1, minimumSOC: 0, maximumSOC: 1,
            initialSOC: 0, standingLossPerHour: 0, capacityFadePerFullCycle: 1e-3))
        for setpoint in [10.0, -10, 10, -10] { _ = battery.advance(setpointKW: setpoint, stepHours: 1) }
        #expect(abs(battery.throughputKWh - 40) < tolerance)
        #expect(abs(battery.capacityFadeKWh - 0.02) < tolerance)
    }

    /// 40 kWh vehicle, 7 kW charger, η_c = 0.9, hourly steps, plugged in at step 2 with
    /// 10 kWh wanting 30 kWh, leaving at step 4. Full power: 10 + 6.3 + 6.3 = 22.6 kWh,
    /// so 30 − 22.6 = 7.4 kWh is unmet.
    @Test func evSessionRecordsUnmetEnergy() {
        var charger = EVCharger(
            spec: ElectricVehicleSpec(
                id: "ev", batteryCapacityKWh: 40, maxChargePowerKW: 7, maxDischargePowerKW: 0,
                chargeEfficiency: 0.9, dischargeEfficiency: 1, minimumSOCForDischarge: 0.2, maximumSOC: 1),
            sessions: [ChargingSession(arrivalStep: 2, departureStep: 4, arrivalEnergyKWh: 10, targetEnergyKWh: 30)])
        var powers: [Double] = []
        for step in 0..<6 {
            charger.updateConnection(step: step)
            let range = charger.feasiblePowerRange(stepHours: 1)
            powers.append(charger.advance(setpointKW: range.upperBound, stepHours: 1).powerKW)
        }
        charger.finishHorizon(endStep: 6)
        #expect(powers == [0, 0, 7, 7, 0, 0])
        #expect(charger.outcomes.count == 1)
        #expect(abs(charger.outcomes[0].departureEnergyKWh - 22.6) < tolerance)
        #expect(abs(charger.outcomes[0].unmetEnergyKWh - 7.4) < tolerance)
        #expect(charger.outcomes[0].departedWithinHorizon)
    }

    /// V2G is bounded by the vehicle's floor: 40 kWh vehicle at 10 kWh with a 20 % floor
    /// (8 kWh) and η_d = 0.8 can give at most (10 − 8)·0.8 = 1.6 kWh in an hour.
    @Test func v2gStopsAtTheFloor() {
        var charger = EVCharger(
            spec: ElectricVehicleSpec(
                id: "ev", batteryCapacityKWh: 40, maxChargePowerKW: 7, maxDischargePowerKW: 7,
                chargeEfficiency: 1, dischargeEfficiency: 0.8, minimumSOCForDischarge: 0.2, maximumSOC: 1),
            sessions: [ChargingSession(arrivalStep: 0, departureStep: 2, arrivalEnergyKWh: 10, targetEnergyKWh: 10)])
        charger.updateConnection(step: 0)
        let outcome = charger.advance(setpointKW: -7, stepHours: 1)
        #expect(abs(outcome.powerKW + 1.6) < tolerance)
        #expect(abs(charger.energyKWh - 8) < tolerance)
    }

    /// 3 kWh at up to 2 kW in steps 2..<8 (hourly), preferred start step 3: left alone it
    /// draws 2 kW at step 3 and 1 kW at step 4. Asked for nothing, the physics defers it to
    /// the last moment: at step 6, 3 − 2·1 = 1 kW must run; at step 7 the last 2 kW.
    @Test func shiftableLoadRunsPreferredOrAtTheLastMoment() {
        let job = ShiftableJob(releaseStep: 2, deadlineStep: 8, preferredStartStep: 3, energyKWh: 3, maxPowerKW: 2)
        #expect((0..<10).map { job.preferredPowerKW(step: $0, stepHours: 1) } == [0, 0, 0, 2, 1, 0, 0, 0, 0, 0])

        var load = ShiftableLoad(id: "dishwasher", jobs: [job])
        var drawn: [Double] = []
        var shifted = 0.0
        for step in 0..<10 {
            load.updateJob(step: step)
            let outcome = load.advance(setpointKW: 0, step: step, stepHours: 1)
            drawn.append(outcome.powerKW)
            shifted += max(0, outcome.preferredPowerKW - outcome.powerKW)
        }
        #expect(drawn == [0, 0, 0, 0, 0, 0, 1, 2, 0, 0])
        #expect(shifted == 3)
        #expect(load.unfinishedKWh == 0)
    }

    /// 4 kW demand, up to half may be shed, half of shed energy rebounds at up to 1 kW:
    /// shed 2 kW in hour 0 (draws 2 kW, owes 1 kWh), then hour 1 pays back 1 kW (draws 5 kW).
    @Test func curtailmentReboundsAfterTheShed() {
        var load = CurtailableLoad(spec: CurtailableLoadSpec(
            id: "ac", demandKW: [4, 4, 4], maxShedFraction: 0.5, costPerKWhShed: 0.2,
            reboundFraction: 0.5, reboundMaxPowerKW: 1))
        let drawn = [3.0, 0, 0].enumerated().map { step, shed in
            load.advance(shedSetpointKW: shed, step: step, stepHours: 1).powerKW
        }
        #expect(drawn == [2, 5, 4])
        #expect(load.owedReboundKWh == 0)
    }

    /// The same load (2 kW sheddable) after a 2 kW shed owes 1 kWh. A setpoint of 1e-8 kW,
    /// an optimiser's roundoff above zero, is no shed: the hour pays back 1 kW (draws 5 kW).
    /// 2e-4 kW (1e-4 of the 2 kW range) is still none; 3e-4 kW is a shed that owes more.
    @Test func negligibleShedDoesNotHoldTheReboundOff() {
        let spec = CurtailableLoadSpec(
            id: "ac", demandKW: [4, 4, 4], maxShedFraction: 0.5, costPerKWhShed: 0.2,
            reboundFraction: 0.5, reboundMaxPowerKW: 1)
        for (setpoint, expectedPower, expectedOwed) in [
            (1e-8, 5.0, 0.0), (2e-4, 5.0, 0.0), (3e-4, 4 - 3e-4, 1 + 0.5 * 3e-4),
        ] {
            var load = CurtailableLoad(spec: spec)
            _ = load.advance(shedSetpointKW: 2, step: 0, stepHours: 1)
            let outcome = load.advance(shedSetpointKW: setpoint, step: 1, stepHours: 1)
            #expect(outcome.powerKW == expectedPower)
            #expect(load.owedReboundKWh == expectedOwed)
        }
    }
}
