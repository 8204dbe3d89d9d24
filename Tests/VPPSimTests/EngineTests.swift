@testable import Assets
@testable import Engine
import Strategies
import Testing
import VPPCore

/// A four-hour site: base load 2 kW, 3 kW of PV in hour 1, import price 0.1 then 0.5,
/// export credit 0.05.
func smallInput(
    prices: [Double] = [0.1, 0.1, 0.5, 0.5],
    evChargers: [(spec: ElectricVehicleSpec, sessions: [ChargingSession])] = [],
    batteries: [BatterySpec] = []
) -> SimulationInput {
    SimulationInput(
        scenarioName: "small", seed: 1,
        grid: TimeGrid(start: CivilTime(year: 2022, month: 8, day: 1), stepMinutes: 60, stepCount: 4),
        baseLoadKW: [2, 2, 2, 2], pvKW: [0, 3, 0, 0], importPricePerKWh: prices,
        exportPricePerKWh: [0.05, 0.05, 0.05, 0.05], currency: "USD",
        peakWindow: DailyWindow(startHour: 2, endHour: 4), batteries: batteries, evChargers: evChargers)
}

func vehicle(arrival: Int, departure: Int, from: Double, to: Double) -> (spec: ElectricVehicleSpec, sessions: [ChargingSession]) {
    (ElectricVehicleSpec(
        id: "ev", batteryCapacityKWh: 40, maxChargePowerKW: 7, maxDischargePowerKW: 0,
        chargeEfficiency: 1, dischargeEfficiency: 1, minimumSOCForDischarge: 0.2, maximumSOC: 1),
     [ChargingSession(arrivalStep: arrival, departureStep: departure, arrivalEnergyKWh: from, targetEnergyKWh: to)])
}

@Suite("Engine")
struct EngineTests {
    /// Net load 2, −1, 2, 2 kW; cost 2·0.1 − 1·0.05 + 2·0.5 + 2·0.5 = 2.15.
    @Test func netLoadAndCostWithoutAssets() throws {
        var strategy = UncontrolledStrategy()
        let result = try Simulation(input: smallInput(), checksInvariants: true).run(strategy: &strategy)
        #expect(result.records.map(\.netLoadKW) == [2, -1, 2, 2])
        #expect(abs(result.energyCost - 2.15) < 1e-12)
        #expect(result.peakNetLoadKW == 2)
        #expect(result.exportedEnergyKWh == 1)
    }

    /// A vehicle plugged in for four hours needing 10 kWh, with the two last hours cheap:
    /// rule-based charging waits and spreads 10 kWh over them, 5 kW each; uncontrolled
    /// charges 7 then 3 kW at once, stopping at the target.
    @Test func ruleBasedDelaysCharging() throws {
        let input = smallInput(prices: [0.5, 0.5, 0.1, 0.1], evChargers: [vehicle(arrival: 0, departure: 4, from: 10, to: 20)])
        var ruleBased = RuleBasedStrategy()
        let controlled = try Simulation(input: input, checksInvariants: true).run(strategy: &ruleBased)
        #expect(zip(controlled.records.map(\.evKW), [0.0, 0, 5, 5]).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(controlled.unmetEVEnergyKWh == 0)

        var uncontrolled = UncontrolledStrategy()
        let reference = try Simulation(input: input, checksInvariants: true).run(strategy: &uncontrolled)
        #expect(reference.records.map(\.evKW) == [7, 3, 0, 0])
        #expect(reference.sessionOutcomes[0].departureEnergyKWh == 20)
    }

    /// A vehicle that must leave after two hours needing 12 kWh at 7 kW, with only the second
    /// hour cheap, cannot wait for it: it must draw 12 − 7 = 5 kW in the expensive first hour
    /// and the remaining 7 kW in the cheap second hour.
    @Test func ruleBasedChargesWhenWaitingWouldMissTheTarget() throws {
        let input = smallInput(prices: [0.5, 0.1, 0.5, 0.5], evChargers: [vehicle(arrival: 0, departure: 2, from: 10, to: 22)])
        var ruleBased = RuleBasedStrategy()
        let result = try Simulation(input: input, checksInvariants: true).run(strategy: &ruleBased)
        #expect(zip(result.records.map(\.evKW), [5.0, 7, 0, 0]).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(result.unmetEVEnergyKWh == 0)
    }

    @Test func strategyMistakesAreReported() throws {
        struct WrongCount: DispatchStrategy {
            let name = "wrong"
            mutating func decide(_ observation: Observation) -> Setpoints {
                Setpoints(batteryKW: [1, 2], evKW: [], shiftableKW: [], curtailmentShedKW: [])
            }
        }
        struct NotANumber: DispatchStrategy {
            let name = "nan"
            mutating func decide(_ observation: Observation) -> Setpoints {
                var setpoints = Setpoints.idle(for: observation)
                setpoints.evKW = [.nan]
                return setpoints
            }
        }
        let input = smallInput(evChargers: [vehicle(arrival: 0, departure: 2, from: 10, to: 20)])
        var wrong = WrongCount()
        #expect(throws: SimulationError.setpointCountMismatch(strategy: "wrong", field: "batteryKW", given: 2, expected: 0)) {
            try Simulation(input: input).run(strategy: &wrong)
        }
        var nan = NotANumber()
        #expect(throws: SimulationError.self) { try Simulation(input: input).run(strategy: &nan) }
    }

    /// The invariant check catches a record whose net load disagrees with its parts, and a
    /// battery outside its bounds.
    @Test func invariantCheckCatchesBrokenBalances() throws {
        let spec = BatterySpec(
            id: "b", energyCapacityKWh: 10, maxChargePowerKW: 5, maxDischargePowerKW: 5,
            chargeEfficiency: 1, dischargeEfficiency: 1, minimumSOC: 0.1, maximumSOC: 0.9,
            initialSOC: 0.5, standingLossPerHour: 0, capacityFadePerFullCycle: 0)
        let input = smallInput(batteries: [spec])
        let check = InvariantCheck(input: input, step: 0)
        var outcome = FleetStepOutcome()
        outcome.batteries = [BatteryStepOutcome(
            powerKW: 1, energyBeforeKWh: 5, energyAfterKWh: 6, standingLossKWh: 0, conversionLossKWh: 0)]
        var record = outcome.record(step: 0, input: input)
        try check.verify(outcome: outcome, record: record)

        record.netLoadKW += 0.01
        #expect(throws: SimulationError.self) { try check.verify(outcome: outcome, record: record) }

        outcome.batteries[0].energyAfterKWh = 9.5
        outcome.batteries[0].powerKW = 4.5
        #expect(throws: SimulationError.self) {
            try check.verify(outcome: outcome, record: outcome.record(step: 0, input: input))
        }
    }
}
