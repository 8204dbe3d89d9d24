import Assets
import Engine
import OptimalDispatch
import Strategies
import Testing
import VPPCore

/// Wind farms (power curve, shear, losses) and batteries paired with them: charged only
/// from the farm, discharging only within the connection they share.
@Suite("Wind farms and paired storage")
struct WindFarmTests {
    /// Rated 6,000 kW, cut-in 3, rated 12, cut-out 25 m/s. At 6 m/s the cubic rise gives
    /// 6000 · (216 − 27) / (1728 − 27) = 6000 · 189 / 1701 = 6000 / 9 kW.
    let turbine = WindTurbineSpec(
        ratedPowerKW: 6000, cutInSpeedMPerS: 3, ratedSpeedMPerS: 12, cutOutSpeedMPerS: 25)

    @Test func powerCurveByHand() {
        #expect(turbine.powerKW(windSpeedMPerS: 2.9) == 0)
        #expect(turbine.powerKW(windSpeedMPerS: 3) == 0)
        #expect(abs(turbine.powerKW(windSpeedMPerS: 6) - 6000.0 / 9) < 1e-9)
        #expect(turbine.powerKW(windSpeedMPerS: 12) == 6000)
        #expect(turbine.powerKW(windSpeedMPerS: 24.9) == 6000)
        #expect(turbine.powerKW(windSpeedMPerS: 25) == 0)
    }

    /// Measured at 10 m, hub at 40 m, exponent 0.5: the hub sees twice the speed. Three
    /// turbines at 6 m/s, less 10 % losses: 3 · 6000/9 · 0.9 = 1,800 kW.
    @Test func shearAndLossesByHand() {
        let farm = WindFarmSpec(
            id: "w", turbine: turbine, turbineCount: 3, hubHeightM: 40, measurementHeightM: 10,
            shearExponent: 0.5, lossFraction: 0.1)
        #expect(abs(farm.hubSpeedMPerS(measuredSpeedMPerS: 3) - 6) < 1e-12)
        #expect(abs(farm.outputKW(measuredSpeedMPerS: 3) - 1800) < 1e-9)
        #expect(abs(farm.maximumOutputKW - 16_200) < 1e-9)
    }

    /// A 4 kWh, 5 kW battery holding 2 kWh, paired with a farm making 2.5 kW on a 3 kW
    /// shared connection, may charge 2 kW (its headroom) and discharge only 0.5 kW. With the
    /// farm calm it may discharge 2 kW (its energy) but not charge, except the BMS's top-up
    /// at the minimum: 10 %/h of 1 kWh = 0.1 kW.
    @Test func pairedBatteryRange() {
        var spec = battery(initialSOC: 0.5)
        spec.pairing = GenerationPairing(
            generatorID: "w", generatorIndex: 0, sharedConnectionKW: 3)
        let half = Battery(spec: spec)
        #expect(half.feasiblePowerRange(stepHours: 1, pairedGenerationKW: 2.5) == -0.5...2)
        #expect(half.feasiblePowerRange(stepHours: 1, pairedGenerationKW: 0) == -2...0)
        spec.initialSOC = 0.25
        spec.minimumSOC = 0.25
        spec.standingLossPerHour = 0.1
        let range = Battery(spec: spec).feasiblePowerRange(stepHours: 1, pairedGenerationKW: 0)
        #expect(abs(range.lowerBound - 0.1) < 1e-12 && abs(range.upperBound - 0.1) < 1e-12)
    }

    /// Base 2 kW, prices 0.1, 0.1, 0.5, 0.5, a 4 kWh battery starting empty, wind 1, 1, 0,
    /// 0 kW. Paired, it can store only the wind, 1 + 1 kWh, and gives it back in the dear
    /// hours: imports 2, 2 and 2 kWh over the last two, cost 0.2 + 0.2 + 0.5·2 = 1.4.
    /// Unpaired it fills from the grid (4 kWh) and empties in the dear hours: 0.6.
    @Test func pairedStorageChargesOnlyFromTheFarm() throws {
        let wind = [1.0, 1, 0, 0]
        let paired = try optimalRun(wind: wind, shared: 10, paired: true)
        #expect(abs(paired.energyCost - 1.4) < 1e-6)
        for (record, windKW) in zip(paired.records, wind) {
            #expect(record.batteryKW <= windKW + 1e-6)
        }
        let unpaired = try optimalRun(wind: wind, shared: 10, paired: false)
        #expect(abs(unpaired.energyCost - 0.6) < 1e-6)
    }

    /// Rule-based on the same site, with the farm at 2.5 kW in the dear hours and a 3 kW
    /// shared connection: it never discharges more than 0.5 kW there, and the invariants
    /// (checked every step) hold.
    @Test func ruleBasedRespectsTheSharedConnection() throws {
        var input = site(wind: [1, 1, 2.5, 2.5], shared: 3, paired: true)
        input.baseLoadKW = [2, 2, 4, 4]
        var strategy = RuleBasedStrategy()
        let result = try Simulation(input: input, checksInvariants: true).run(strategy: &strategy)
        #expect(result.records[2].batteryKW >= -0.5 - 1e-9)
        #expect(result.records[3].batteryKW >= -0.5 - 1e-9)
        #expect(result.records.map(\.windKW) == [1, 1, 2.5, 2.5])
    }

    /// Capability over the one-hour peak (base 3 kW in hour 2, 2 kW otherwise) of a 4 kWh,
    /// 5 kW battery holding 2 kWh, which must end with its initial 2 kWh:
    /// - unpaired: fill to 4 kWh, give 4 kW in the peak, refill 2 kWh after: 4 kW;
    /// - paired, wind 1, 1, 0, 1 kW: it can store 1 + 1 before and 1 after, so the peak gets
    ///   what it can put back: 3 kW;
    /// - paired, no wind: nothing can be put back, so 0.
    @Test func capabilityOfPairedStorage() throws {
        #expect(abs(try capability(wind: [1, 1, 0, 1], paired: false) - 4) < 1e-6)
        #expect(abs(try capability(wind: [1, 1, 0, 1], paired: true) - 3) < 1e-6)
        #expect(abs(try capability(wind: [0, 0, 0, 0], paired: true)) < 1e-6)
    }

    /// With the farm at 9 kW on a 10 kW shared connection the paired battery can give only
    /// 1 kW at the peak, and capability.csv says the connection is the limit.
    @Test func capabilityNamesTheSharedConnection() throws {
        let found = try capabilityResult(wind: [9, 9, 9, 9], paired: true, shared: 10)
        #expect(abs(found.capabilityKW - 1) < 1e-6)
        #expect(found.contributions.first?.limitedBy.contains("shared connection") == true)
    }

    /// A self-discharging paired battery (1 %/h) holding 2 kWh in a calm spell cannot refill.
    /// Its plans still solve (the terminal condition is soft), they give nothing away, and
    /// it ends with what self-discharge leaves: 2 · 0.99⁴ kWh, a change of 2 · (0.99⁴ − 1).
    /// The capability problem solves too, and finds nothing to hold.
    @Test func calmSpellStillHasAPlan() throws {
        var input = site(wind: [0, 0, 0, 0], shared: 10, paired: true, initialSOC: 0.5)
        input.batteries[0].standingLossPerHour = 0.01
        var optimal = PredictiveStrategy(
            name: "optimal", objective: DispatchObjective(smoothingPerKW2: 0))
        let result = try Simulation(input: input, checksInvariants: true).run(strategy: &optimal)
        #expect(optimal.solves.allSatisfy { $0.status == "optimal" })
        let expected = 2 * (0.99 * 0.99 * 0.99 * 0.99 - 1)
        #expect(abs(result.batteryEnergyChangeKWh - expected) < 1e-6)
        var uncontrolled = UncontrolledStrategy()
        let baseline = try Simulation(input: input, checksInvariants: true)
            .run(strategy: &uncontrolled)
        let capability = try ResponseCapability.compute(
            input: input, baseline: baseline, baselineStrategy: UncontrolledStrategy(),
            durationSteps: 1)
        #expect(capability.status == .optimal)
        #expect(abs(capability.capabilityKW) < 1e-6)
    }

    // MARK: Fixtures

    func battery(initialSOC: Double) -> BatterySpec {
        BatterySpec(
            id: "storage", energyCapacityKWh: 4, maxChargePowerKW: 5, maxDischargePowerKW: 5,
            chargeEfficiency: 1, dischargeEfficiency: 1, minimumSOC: 0, maximumSOC: 1,
            initialSOC: initialSOC, standingLossPerHour: 0, capacityFadePerFullCycle: 0)
    }

    /// `smallInput` without PV, with a farm producing `wind` and the battery, paired or not.
    func site(
        wind: [Double], shared: Double, paired: Bool, initialSOC: Double = 0
    ) -> SimulationInput {
        var spec = battery(initialSOC: initialSOC)
        if paired {
            spec.pairing = GenerationPairing(
                generatorID: "w", generatorIndex: 0, sharedConnectionKW: shared)
        }
        var input = smallInput(batteries: [spec])
        input.pvKW = [0, 0, 0, 0]
        let farm = WindFarmSpec(
            id: "w", turbine: turbine, turbineCount: 1, hubHeightM: 100, measurementHeightM: 10,
            shearExponent: 0.1, lossFraction: 0)
        input.addWindFarm(farm, outputKW: wind)
        return input
    }

    func optimalRun(wind: [Double], shared: Double, paired: Bool) throws -> SimulationResult {
        var strategy = PredictiveStrategy(
            name: "optimal", objective: DispatchObjective(smoothingPerKW2: 0))
        return try Simulation(
            input: site(wind: wind, shared: shared, paired: paired), checksInvariants: true
        ).run(strategy: &strategy)
    }

    func capability(wind: [Double], paired: Bool, shared: Double = 10) throws -> Double {
        try capabilityResult(wind: wind, paired: paired, shared: shared).capabilityKW
    }

    func capabilityResult(
        wind: [Double], paired: Bool, shared: Double
    ) throws -> ResponseCapability {
        var input = site(wind: wind, shared: shared, paired: paired, initialSOC: 0.5)
        input.baseLoadKW = [2, 2, 3, 2].enumerated().map { $0.element + wind[$0.offset] }
        var uncontrolled = UncontrolledStrategy()
        let baseline = try Simulation(input: input, checksInvariants: true)
            .run(strategy: &uncontrolled)
        return try ResponseCapability.compute(
            input: input, baseline: baseline, baselineStrategy: UncontrolledStrategy(),
            durationSteps: 1)
    }
}
