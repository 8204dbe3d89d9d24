import Assets
import Engine
import OptimalDispatch
import Strategies
import Testing
import VPPCore

/// Hand-computed optimal dispatches on the four-hour site of `smallInput` (base 2 kW,
/// hourly steps). Smoothing is off so that costs are exact LP optima; the tolerance 1e-6
/// covers the interior-point method's 1e-8 relative accuracy.
@Suite("Optimal dispatch")
struct OptimalDispatchTests {
    static let exactObjective = DispatchObjective(smoothingPerKW2: 0)

    func battery(kWh: Double, kW: Double, initialSOC: Double) -> BatterySpec {
        BatterySpec(
            id: "b", energyCapacityKWh: kWh, maxChargePowerKW: kW, maxDischargePowerKW: kW,
            chargeEfficiency: 1, dischargeEfficiency: 1, minimumSOC: 0, maximumSOC: 1,
            initialSOC: initialSOC, standingLossPerHour: 0, capacityFadePerFullCycle: 0)
    }

    func run(_ input: SimulationInput, objective: DispatchObjective = exactObjective) throws -> SimulationResult {
        var strategy = PredictiveStrategy(name: "optimal", objective: objective)
        return try Simulation(input: input, checksInvariants: true).run(strategy: &strategy)
    }

    /// An empty 2 kWh battery, prices 0.1, 0.1, 0.5, 0.5 (no PV, export credit irrelevant):
    /// it buys 2 kWh cheap and returns them in the dear hours, ending empty as it started.
    /// Uncontrolled cost 2·2·0.1 + 2·2·0.5 = 2.4; saving 2·(0.5 − 0.1) = 0.8 → 1.6.
    @Test func batteryArbitrage() throws {
        var input = smallInput(prices: [0.1, 0.1, 0.5, 0.5], batteries: [battery(kWh: 2, kW: 2, initialSOC: 0)])
        input.pvKW = [0, 0, 0, 0]
        let result = try run(input)
        #expect(abs(result.energyCost - 1.6) < 1e-6)
        #expect(abs(result.batteries[0].energyKWh) < 1e-6)
    }

    /// A vehicle plugged in all four hours needing 4 kWh, prices 0.5, 0.1, 0.1, 0.5: it
    /// charges only in hours 1 and 2; EV energy costs 4·0.1 = 0.4.
    @Test func vehicleChargesInCheapHours() throws {
        var input = smallInput(prices: [0.5, 0.1, 0.1, 0.5], evChargers: [vehicle(arrival: 0, departure: 4, from: 10, to: 14)])
        input.pvKW = [0, 0, 0, 0]
        let result = try run(input)
        let evEnergy = result.records.map(\.evKW)
        #expect(abs(evEnergy[0]) < 1e-6 && abs(evEnergy[3]) < 1e-6)
        #expect(abs(evEnergy[1] + evEnergy[2] - 4) < 1e-6)
        #expect(result.unmetEVEnergyKWh < 1e-6)
    }

    /// Target mode: base 2, 2, 5, 2 kW, the peak window is hours 2–4, 20 % below the 5 kW
    /// reference peak caps net load at 4 kW. A full 1 kWh battery covers 1 kW in hour 2
    /// (and recharges after, to end as full as it began): no shortfall. With 0.5 kWh it can
    /// only shave 0.5 kW: 0.5 kW of shortfall is reported in hour 2.
    @Test func targetModeHoldsTheCapOrReportsTheShortfall() throws {
        for (capacity, shortfall) in [(1.0, 0.0), (0.5, 0.5)] {
            var input = smallInput(batteries: [battery(kWh: capacity, kW: 2, initialSOC: 1)])
            input.baseLoadKW = [2, 2, 5, 2]
            input.pvKW = [0, 0, 0, 0]
            var objective = Self.exactObjective
            objective.peakTarget = PeakTarget(reductionFraction: 0.2, shortfallPenaltyPerKWh: 1000, referencePeakKW: 5)
            var strategy = PredictiveStrategy(name: "optimal", objective: objective)
            let result = try Simulation(input: input, checksInvariants: true).run(strategy: &strategy)
            #expect(abs(result.records[2].netLoadKW - (4 + shortfall)) < 1e-6)
            #expect(abs(strategy.plannedShortfallKW[2] - shortfall) < 1e-6)
            #expect(strategy.solves.count == 1)
        }
    }

    /// MPC with perfect forecasts re-planning every hour over the rest of the horizon
    /// matches the one-shot optimum.
    @Test func mpcWithPerfectForecastsMatchesOptimal() throws {
        var input = smallInput(prices: [0.1, 0.1, 0.5, 0.5], batteries: [battery(kWh: 2, kW: 2, initialSOC: 0)])
        input.pvKW = [0, 0, 0, 0]
        var mpc = PredictiveStrategy(
            name: "mpc", objective: Self.exactObjective, replanEverySteps: 1, lookaheadSteps: 4)
        let result = try Simulation(input: input, checksInvariants: true).run(strategy: &mpc)
        #expect(abs(result.energyCost - 1.6) < 1e-6)
        #expect(mpc.solves.count == 4)
    }
}

/// Response capability, worked by hand on the four-hour site with base 2, 2, 5, 2 kW and no
/// PV. Held for two hours, the peak period is the earliest two hours with the highest
/// average load: hours 1–2 (average 3.5, tied with hours 2–3).
@Suite("Response capability")
struct ResponseCapabilityTests {
    func site(batteries: [BatterySpec] = [], evChargers: [(spec: ElectricVehicleSpec, sessions: [ChargingSession])] = []) throws
        -> (SimulationInput, SimulationResult) {
        var input = smallInput(evChargers: evChargers, batteries: batteries)
        input.baseLoadKW = [2, 2, 5, 2]
        input.pvKW = [0, 0, 0, 0]
        var uncontrolled = UncontrolledStrategy()
        return (input, try Simulation(input: input).run(strategy: &uncontrolled))
    }

    /// A full 2 kWh battery (4 kW) spreads its 2 kWh over the two hours: 1 kW, limited by
    /// energy; it recharges in hour 3 to end as full as it began.
    @Test func oneBattery() throws {
        let battery = BatterySpec(
            id: "b", energyCapacityKWh: 2, maxChargePowerKW: 4, maxDischargePowerKW: 4,
            chargeEfficiency: 1, dischargeEfficiency: 1, minimumSOC: 0, maximumSOC: 1,
            initialSOC: 1, standingLossPerHour: 0, capacityFadePerFullCycle: 0)
        let (input, baseline) = try site(batteries: [battery])
        let capability = try ResponseCapability.compute(
            input: input, baseline: baseline, baselineStrategy: UncontrolledStrategy(), durationSteps: 2)
        #expect(abs(capability.capabilityKW - 1) < 1e-6)
        #expect(capability.periodStart == input.grid.time(ofStep: 1))
        #expect(capability.contributions.first?.limitedBy.hasPrefix("energy") == true)
    }

    /// A V2G vehicle at its 20 kWh target (floor 8 kWh, 3 kW discharge, 7 kW charge) plugged
    /// in all four hours gives 3 kW for two hours (6 kWh), limited by power, and recharges
    /// the 6 kWh in hour 3 before leaving.
    @Test func oneV2GVehicle() throws {
        let spec = ElectricVehicleSpec(
            id: "ev", batteryCapacityKWh: 40, maxChargePowerKW: 7, maxDischargePowerKW: 3,
            chargeEfficiency: 1, dischargeEfficiency: 1, minimumSOCForDischarge: 0.2, maximumSOC: 1)
        let session = ChargingSession(arrivalStep: 0, departureStep: 4, arrivalEnergyKWh: 20, targetEnergyKWh: 20)
        let (input, baseline) = try site(evChargers: [(spec, [session])])
        let capability = try ResponseCapability.compute(
            input: input, baseline: baseline, baselineStrategy: UncontrolledStrategy(), durationSteps: 2)
        #expect(abs(capability.capabilityKW - 3) < 1e-6)
        #expect(abs((capability.contributions.first?.reductionKW ?? 0) - 3) < 1e-6)
    }
}
