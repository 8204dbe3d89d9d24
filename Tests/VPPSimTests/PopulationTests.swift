import Assets
import Engine
import Foundation
import OptimalDispatch
import Scenario
import Strategies
import Testing
import VPPCore

/// Representative agents: K identical devices as one scaled asset give exactly K times one
/// device's result, and sampled populations converge as the number of agents grows.
@Suite("Populations")
struct PopulationTests {
    /// A 24-hour site with an evening peak and a cheap night, scaled by `devices`.
    func site(devices: Double, batteries: [BatterySpec],
              evs: [(spec: ElectricVehicleSpec, sessions: [ChargingSession])]) -> SimulationInput {
        let base: [Double] = (0..<24).map { hour in (hour >= 17 && hour < 21 ? 3.0 : 1.0) }
        let prices: [Double] = (0..<24).map { hour in hour < 7 ? 0.1 : hour >= 17 ? 0.5 : 0.3 }
        return SimulationInput(
            scenarioName: "population", seed: 1,
            grid: TimeGrid(start: CivilTime(year: 2022, month: 8, day: 1), stepMinutes: 60,
                           stepCount: 24),
            baseLoadKW: base.map { $0 * devices }, pvKW: Array(repeating: 0, count: 24),
            importPricePerKWh: prices, exportPricePerKWh: Array(repeating: 0, count: 24),
            currency: "USD", peakWindow: DailyWindow(startHour: 17, endHour: 21),
            batteries: batteries, evChargers: evs)
    }

    let homeBattery = BatterySpec(
        id: "b", energyCapacityKWh: 10, maxChargePowerKW: 5, maxDischargePowerKW: 5,
        chargeEfficiency: 0.95, dischargeEfficiency: 0.95, minimumSOC: 0.1, maximumSOC: 0.9,
        initialSOC: 0.5, standingLossPerHour: 0.001, capacityFadePerFullCycle: 1e-5)
    let car = ElectricVehicleSpec(
        id: "ev", batteryCapacityKWh: 60, maxChargePowerKW: 7, maxDischargePowerKW: 7,
        chargeEfficiency: 0.9, dischargeEfficiency: 0.9, minimumSOCForDischarge: 0.3,
        maximumSOC: 1)
    let stay = ChargingSession(
        arrivalStep: 18, departureStep: 24, arrivalEnergyKWh: 30, targetEnergyKWh: 48)

    func run(_ input: SimulationInput, strategy name: String) throws -> SimulationResult {
        var strategy = try #require(StrategyRegistry.make(
            name: name, settings: StrategySettings(), stepMinutes: 60,
            referencePeakKW: input.baseLoadKW.max()!))
        return try Simulation(input: input, checksInvariants: true).run(strategy: &strategy)
    }

    /// One home (battery and V2G car) against an agent standing for 4096 homes: every
    /// step's powers and the costs are 4096 times the home's. Uncontrolled and rule-based
    /// make the same decisions in scaled units, so they agree to rounding; `optimal` solves
    /// the scaled problem in its own units, so it agrees to the solver's accuracy.
    @Test(arguments: ["uncontrolled", "rule-based", "optimal"])
    func anAgentForKHomesGivesKTimesOneHome(strategy: String) throws {
        let homes = 4096
        let one = try run(
            site(devices: 1, batteries: [homeBattery], evs: [(car, [stay])]), strategy: strategy)
        let agent = try run(site(
            devices: Double(homes), batteries: [homeBattery.representing(homes)],
            evs: [(car.representing(homes), [stay.representing(homes)])]), strategy: strategy)
        // The optimum's cost is unique; its powers only up to the solver's accuracy on a
        // nearly flat objective, so they are compared against the site's peak.
        let costTolerance = strategy == "optimal" ? 1e-6 : 1e-12
        let powerTolerance = strategy == "optimal" ? 1e-4 : 1e-12
        let k = Double(homes)
        let peak = agent.peakNetLoadKW
        for (single, scaled) in zip(one.records, agent.records) {
            for (a, b) in [(single.netLoadKW, scaled.netLoadKW), (single.batteryKW, scaled.batteryKW),
                           (single.evKW, scaled.evKW)] {
                #expect(abs(a * k - b) <= powerTolerance * peak, "\(a) × \(k) vs \(b)")
            }
        }
        #expect(abs(one.energyCost * k - agent.energyCost) <= costTolerance * agent.energyCost)
        #expect(agent.records[19].evConnectedCount == homes)
        #expect(agent.sessionOutcomes.map(\.devices) == [homes])
    }

    /// K separate identical homes and one agent for K: the same site totals.
    @Test(arguments: ["uncontrolled", "rule-based", "optimal"])
    func identicalAssetsAggregateExactly(strategy: String) throws {
        let homes = 12
        let separate = try run(site(
            devices: Double(homes), batteries: Array(repeating: homeBattery, count: homes),
            evs: Array(repeating: (car, [stay]), count: homes)), strategy: strategy)
        let agent = try run(site(
            devices: Double(homes), batteries: [homeBattery.representing(homes)],
            evs: [(car.representing(homes), [stay.representing(homes)])]), strategy: strategy)
        let tolerance = strategy == "optimal" ? 1e-4 : 1e-12
        for (a, b) in zip(separate.records, agent.records) {
            #expect(abs(a.netLoadKW - b.netLoadKW) <= tolerance * agent.peakNetLoadKW)
        }
        #expect(abs(separate.energyCost - agent.energyCost)
                <= (strategy == "optimal" ? 1e-6 : 1e-12) * agent.energyCost)
    }

    @Test func devicesAreSplitAsEvenlyAsIntegersAllow() {
        #expect(devicesPerAgent(count: 10, agents: 3) == [4, 3, 3])
        #expect(devicesPerAgent(count: 2_000_000, agents: 800).allSatisfy { $0 == 2500 })
        #expect(devicesPerAgent(count: 7, agents: 7) == Array(repeating: 1, count: 7))
    }

    /// A scenario fleet of 20,000 vehicles: the uncontrolled EV charging peak at 20, 200 and
    /// 2,000 agents moves toward the 20,000-agent value (one agent per vehicle), and the
    /// number of vehicles stays 20,000 at every resolution.
    @Test func sampledFleetsConvergeAsAgentsGrow() throws {
        let folder = try ScenarioValidationFolder()
        let fleet = """
            "evFleets": [{"id": "cars", "count": 20000, "location": "home",
              "sessionModel": {"arrivalHour": {"mean": 18, "sd": 2, "min": 12, "max": 23},
                               "connectedHours": {"mean": 10, "sd": 2, "min": 2, "max": 14},
                               "energyKWh": {"mean": 12, "sd": 5, "min": 1, "max": 40}},
              "batteryCapacityKWh": 60, "chargerMaxPowerKW": 7}],
            """
        try folder.write("scenario.json", ScenarioValidationText.scenario(extra: fleet))
        func eveningPeakKW(agents: Int) throws -> Double {
            let loaded = try ScenarioLoader.load(
                url: folder.url.appendingPathComponent("scenario.json"),
                displayName: "scenario.json", agentOverride: agents)
            #expect(loaded.input.evChargers.count == agents)
            #expect(loaded.input.evChargers.reduce(0) { $0 + $1.spec.devices } == 20000)
            var strategy = UncontrolledStrategy()
            let result = try Simulation(input: loaded.input).run(strategy: &strategy)
            return result.records.map(\.evKW).max()!
        }
        let exact = try eveningPeakKW(agents: 20000)
        let errors = try [20, 200, 2000].map { abs(try eveningPeakKW(agents: $0) - exact) / exact }
        #expect(errors[2] < errors[0], "errors \(errors)")
        #expect(errors[2] < 0.05, "errors \(errors)")
    }

    /// At a city's load the bisections' resolution (1e-9 of a small range) is finer than the
    /// spacing of doubles near 4e7; they must still stop, at the nearest representable level.
    @Test func thresholdsTerminateAtCityScale() {
        let load = (0..<96).map { 40_000_000 + Double($0 % 7) * 0.5 }
        let peak = PeakThreshold.level(load: load, stepHours: 0.25, energyKWh: 0.1)
        #expect(peak > 40_000_002 && peak <= 40_000_003)
        let valley = ValleyFill.level(load: load, stepHours: 0.25, energyKWh: 0.1)
        #expect(valley >= 40_000_000 && valley < 40_000_001)
    }

    @Test func moreAgentsThanDevicesIsRejected() throws {
        let folder = try ScenarioValidationFolder()
        let error = folder.error(extra: """
            "batteries": [\(ScenarioValidationText.battery("\"count\": 5, \"agents\": 6"))],
            """)
        expectMessage(error, mentions: ["scenario.json", "batteries[0].agents", "is 6",
                                        "from 1 to 5"])
    }

    @Test func largeEntriesMustSayHowManyAgents() throws {
        let folder = try ScenarioValidationFolder()
        let error = folder.error(extra: """
            "batteries": [\(ScenarioValidationText.battery("\"count\": 20000"))],
            """)
        expectMessage(error, mentions: ["batteries[0].agents", "20000 devices", "agents: 1"
            .replacingOccurrences(of: "agents: 1", with: "1 loses nothing")])
        let fine = try folder.load(ScenarioValidationText.scenario(extra: """
            "batteries": [\(ScenarioValidationText.battery("\"count\": 20000, \"agents\": 1"))],
            """))
        #expect(fine.input.batteries.map(\.devices) == [20000])
    }

    @Test func sessionModelAndChargerMixErrorsSayWhatIsWrong() throws {
        let folder = try ScenarioValidationFolder()
        func fleet(_ sessions: String, chargers: String) -> String {
            """
            "evFleets": [{"id": "cars", "count": 10, "batteryCapacityKWh": 60,
              "sessionModel": \(sessions), \(chargers)}],
            """
        }
        let normal = #"{"mean": 10, "sd": 2}"#
        let swapped = folder.error(extra: fleet(
            #"{"arrivalHour": {"mean": 19, "sd": 2, "min": 22, "max": 18}, "#
                + #""connectedHours": \#(normal), "energyKWh": \#(normal)}"#,
            chargers: #""chargerMaxPowerKW": 7"#))
        expectMessage(swapped, mentions: ["arrivalHour.min", "must not exceed max"])
        let sessions = #"{"arrivalHour": \#(normal), "connectedHours": \#(normal), "#
            + #""energyKWh": \#(normal)}"#
        let empty = folder.error(extra: fleet(sessions, chargers: #""chargerOptions": []"#))
        expectMessage(empty, mentions: ["chargerOptions", "at least one"])
        let thirds = try folder.load(ScenarioValidationText.scenario(extra: fleet(
            sessions, chargers: #""chargerOptions": [{"maxPowerKW": 7, "share": 0.333333}, "#
                + #"{"maxPowerKW": 11, "share": 0.333333}, {"maxPowerKW": 22, "share": 0.333334}]"#)))
        #expect(thirds.input.evChargers.count == 10)
    }
}
