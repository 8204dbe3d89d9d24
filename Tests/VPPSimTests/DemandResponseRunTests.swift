import Assets
import Engine
import Foundation
import OptimalDispatch
import Strategies
import Testing
import VPPCore

/// Strategies acting on demand-response events, worked by hand on the four-hour site with a
/// flat 2 kW load, flat prices and a full 1 kWh battery (2 kW, lossless). A peak-shaving
/// event in hour 2, announced at hour 0, asks net load to stay at or below 1 kW.
@Suite("Demand-response events in runs")
struct DemandResponseRunTests {
    func input() -> SimulationInput {
        let battery = BatterySpec(
            id: "b", energyCapacityKWh: 1, maxChargePowerKW: 2, maxDischargePowerKW: 2,
            chargeEfficiency: 1, dischargeEfficiency: 1, minimumSOC: 0, maximumSOC: 1,
            initialSOC: 1, standingLossPerHour: 0, capacityFadePerFullCycle: 0)
        var input = smallInput(prices: [0.1, 0.1, 0.1, 0.1], batteries: [battery])
        input.pvKW = [0, 0, 0, 0]
        input.events = [GridEvent(id: "e", noticeStep: 0, steps: 2..<3, direction: .reduce, boundKW: 1)]
        return input
    }

    /// Optimal discharges 1 kW in hour 2 to meet the bound and, ending as full as it began,
    /// recharges it by hour 3: net load 1 kW in hour 2 and 8 kWh over the four hours (with
    /// one flat price, how the rest is spread over hours 0, 1 and 3 costs the same).
    @Test func optimalHoldsTheEventBound() throws {
        var strategy = PredictiveStrategy(name: "optimal", objective: DispatchObjective(smoothingPerKW2: 0))
        let result = try Simulation(input: input(), checksInvariants: true).run(strategy: &strategy)
        let net = result.records.map(\.netLoadKW)
        #expect(abs(net[2] - 1) < 1e-6)
        #expect(abs(net.reduce(0, +) - 8) < 1e-6)
        #expect(abs(result.batteries[0].energyKWh - 1) < 1e-6)
    }

    /// Rule-based: the day's threshold shaves 1 kWh off a flat 2 kW load, 4·(2 − L) = 1, so
    /// L = 1.75 and the battery gives 0.25 kW in hours 0 and 1. In hour 2 the event lowers the
    /// threshold to 1 kW, but only 0.5 kWh is left: net 1.5 kW. Hour 3 finds it empty.
    @Test func ruleBasedLowersItsThresholdDuringTheEvent() throws {
        var strategy = RuleBasedStrategy()
        let result = try Simulation(input: input(), checksInvariants: true).run(strategy: &strategy)
        let expected = [1.75, 1.75, 1.5, 2]
        #expect(zip(result.records.map(\.netLoadKW), expected).allSatisfy { abs($0 - $1) < 1e-6 })
    }

    /// An event announced at hour 2 is unknown to a plan made at hour 0 without foresight.
    @Test func eventsAreSeenOnlyFromTheirNotice() {
        var late = input()
        late.events[0].noticeStep = 2
        #expect(late.eventCeilingKW(step: 2, knownAt: 1) == nil)
        #expect(late.eventCeilingKW(step: 2, knownAt: 2) == 1)
        #expect(late.visibleEvents(atStep: 3).isEmpty)
    }
}

/// A run of a scenario with a demand-response programme writes events.csv, with one row per
/// event per baseline method and one against the uncontrolled run, and the summary counts
/// the events.
@Suite("Demand-response events from the command line", .serialized)
struct DemandResponseCommandLineTests {
    @Test func runWritesEventsFile() throws {
        let folder = try CommandLineTests.temporaryFolder()
        let source = repositoryRoot.appendingPathComponent("scenarios/tests/tiny-homes.json")
        var text = try String(contentsOf: source, encoding: .utf8)
        text = text.replacingOccurrences(of: "\"../data/", with: "\"\(repositoryRoot.path)/scenarios/data/")
        let programme = """
            "events": {"list": [{"id": "evening", "start": "2022-08-23T17:00:00",
              "end": "2022-08-23T19:00:00", "notice": "2022-08-22T16:00:00", "targetKW": 5}]},
            "baselines": [{"id": "10of10", "method": "averageOfRecent"}],
            "settlement": {"capacityPricePerKW": 3, "energyPricePerKWh": 0.5},
            "name":
            """
        let firstName = try #require(text.range(of: "\"name\":"))
        text.replaceSubrange(firstName, with: programme)
        let scenario = folder.appendingPathComponent("events.json")
        try text.write(to: scenario, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("run")
        let outcome = try CommandLineTests.vppsim(["run", scenario.path, "--out", out.path, "--quiet"])
        #expect(outcome.status == 0, "stderr: \(outcome.error)")
        let events = try String(contentsOf: out.appendingPathComponent("events.csv"), encoding: .utf8)
            .split(separator: "\n")
        #expect(events.count == 3)
        #expect(events.contains { $0.hasPrefix("evening,peakShaving,uncontrolled-run,ok") })
        let summary = try String(contentsOf: out.appendingPathComponent("summary.json"), encoding: .utf8)
        #expect(summary.contains("\"dr_events\": 1"))
    }
}
