import Assets
import Engine
import Foundation
import OptimalDispatch
import Results
import Scenario
import Strategies
import Studies
import Testing
import VPPCore

/// A researcher's strategy that ignores participation: every battery discharges at full
/// power and every load sheds all it may, at every step.
struct AlwaysDischarge: DispatchStrategy {
    let name = "always-discharge"

    mutating func decide(_ observation: Observation) -> Setpoints {
        var setpoints = Setpoints.idle(for: observation)
        setpoints.batteryKW = observation.batteries.map { -$0.spec.maxDischargePowerKW }
        setpoints.curtailmentShedKW = observation.curtailableLoads.map { _ in 1000 }
        return setpoints
    }
}

/// Participation enforced by the engine, worked by hand on the four-hour site with a flat
/// 2 kW load and flat prices: two full 1 kWh batteries (2 kW, lossless) and, in hour 2, a
/// peak-shaving event announced at hour 0 that asks net load to stay at or below 1 kW.
@Suite("Participation in runs")
struct ParticipationRunTests {
    static let battery = BatterySpec(
        id: "b", energyCapacityKWh: 1, maxChargePowerKW: 2, maxDischargePowerKW: 2,
        chargeEfficiency: 1, dischargeEfficiency: 1, minimumSOC: 0, maximumSOC: 1,
        initialSOC: 1, standingLossPerHour: 0, capacityFadePerFullCycle: 0)

    func input(enrolled: [Bool] = [true, true], optedOut: [Bool]? = nil) -> SimulationInput {
        var second = Self.battery
        second.id = "b2"
        var input = smallInput(prices: [0.1, 0.1, 0.1, 0.1], batteries: [Self.battery, second])
        input.pvKW = [0, 0, 0, 0]
        input.events = [GridEvent(id: "e", noticeStep: 0, steps: 2..<3, direction: .reduce,
                                  boundKW: 1)]
        var participation = Participation(enrolled: AssetFlags([.batteries: enrolled]))
        if let optedOut { participation.optedOut["e"] = AssetFlags([.batteries: optedOut]) }
        input.participation = participation
        return input
    }

    func net(_ input: SimulationInput, _ strategy: some DispatchStrategy) throws -> [Double] {
        var strategy = strategy
        return try Simulation(input: input, checksInvariants: true).run(strategy: &strategy)
            .records.map(\.netLoadKW)
    }

    func close(_ left: [Double], _ right: [Double]) -> Bool {
        left.count == right.count && zip(left, right).allSatisfy { abs($0 - $1) < 1e-6 }
    }

    /// Nobody enrolled: every strategy, a researcher's own included, gives exactly the
    /// uncontrolled run, records and final states alike.
    @Test func nobodyEnrolledEqualsUncontrolled() throws {
        var site = input(enrolled: [false, false])
        site.curtailableLoads = [CurtailableLoadSpec(
            id: "c", demandKW: [1, 1, 1, 1], maxShedFraction: 0.5, costPerKWhShed: 0,
            reboundFraction: 0, reboundMaxPowerKW: 10)]
        site.participation?.enrolled.flags[.curtailableLoads] = [false]
        var uncontrolled = UncontrolledStrategy()
        let reference = try Simulation(input: site, checksInvariants: true)
            .run(strategy: &uncontrolled)
        let strategies: [any DispatchStrategy] = [
            RuleBasedStrategy(), AlwaysDischarge(),
            PredictiveStrategy(name: "optimal", objective: DispatchObjective()),
            PredictiveStrategy(name: "mpc", objective: DispatchObjective(),
                               replanEverySteps: 1, lookaheadSteps: 3),
        ]
        for strategy in strategies {
            var strategy = strategy
            let result = try Simulation(input: site, checksInvariants: true)
                .run(strategy: &strategy)
            #expect(result.records == reference.records, "\(strategy.name)")
            #expect(result.batteries.map(\.energyKWh) == [1, 1], "\(strategy.name)")
        }
    }

    /// One of two batteries enrolled. Rule-based sizes its threshold on the enrolled 1 kWh:
    /// 4·(2 − L) = 1 gives L = 1.75, 0.25 kW in hours 0 and 1; in hour 2 the event's 1 kW
    /// bound finds 0.5 kWh left, net 1.5 kW; hour 3 finds it empty. The other stays full.
    /// With both enrolled, L = 1.5 and the event is met: net 1.5, 1.5, 1, 2 kW.
    @Test func partialEnrolmentRuleBased() throws {
        let half = input(enrolled: [true, false])
        #expect(close(try net(half, RuleBasedStrategy()), [1.75, 1.75, 1.5, 2]))
        var strategy = RuleBasedStrategy()
        let result = try Simulation(input: half, checksInvariants: true).run(strategy: &strategy)
        #expect(abs(result.batteries[1].energyKWh - 1) < 1e-12)
        #expect(close(try net(input(), RuleBasedStrategy()), [1.5, 1.5, 1, 2]))
        // The researcher's strategy drains only the enrolled battery: its 1 kWh in hour 0.
        #expect(close(try net(half, AlwaysDischarge()), [1, 2, 2, 2]))
    }

    /// Optimal with one of two batteries: the enrolled 1 kWh covers the event's 1 kW in
    /// hour 2 and is recharged by the end; the other idles. Net 8 kWh over the day.
    @Test func partialEnrolmentOptimal() throws {
        var strategy = PredictiveStrategy(
            name: "optimal", objective: DispatchObjective(smoothingPerKW2: 0))
        let result = try Simulation(input: input(enrolled: [true, false]), checksInvariants: true)
            .run(strategy: &strategy)
        let net = result.records.map(\.netLoadKW)
        #expect(abs(net[2] - 1) < 1e-6)
        #expect(abs(net.reduce(0, +) - 8) < 1e-6)
        #expect(result.batteries[1].throughputKWh == 0)
    }

    /// Both enrolled, battery b opts out of the event. Rule-based plans with both (L = 1.5,
    /// 0.25 kW each in hours 0 and 1); in hour 2 b idles and b2 gives its 0.5 kWh: net
    /// 1.5 kW, a 0.5 kW response where 1 kW was planned. In hour 3, b, back in control,
    /// shaves to the threshold. The same flags give the same run.
    @Test func optOutReducesTheDeliveredResponse() throws {
        let planned = try net(input(), RuleBasedStrategy())
        let delivered = try net(input(optedOut: [true, false]), RuleBasedStrategy())
        #expect(close(delivered, [1.5, 1.5, 1.5, 1.5]))
        #expect(abs((2 - delivered[2]) - 0.5) < 1e-6 && abs((2 - planned[2]) - 1) < 1e-6)
        #expect(try net(input(optedOut: [true, false]), RuleBasedStrategy()) == delivered)
    }

    /// Opt-outs are unknown before the event: a strategy sees b controllable in hour 1 and
    /// pinned to idle in hour 2.
    @Test func optOutsAreKnownFromTheEventStart() {
        let site = input(optedOut: [true, false])
        #expect(site.controllable(step: 2, knownAt: 1)?[.batteries, 0] == true)
        #expect(site.controllable(step: 2, knownAt: 2)?[.batteries, 0] == false)
        #expect(site.controllable(step: 3, knownAt: 3)?[.batteries, 0] == true)
    }

    /// Capability counts enrolled assets only: two full 2 kWh batteries (4 kW) at the
    /// 2-hour peak of a 2, 2, 5, 2 kW load give 1 kW each, 2 kW together, but with one
    /// enrolled 1 kW, and the class names participation first.
    @Test func capabilityCountsEnrolledAssetsOnly() throws {
        var big = Self.battery
        big.energyCapacityKWh = 2
        big.maxChargePowerKW = 4
        big.maxDischargePowerKW = 4
        var other = big
        other.id = "b2"
        var site = smallInput(batteries: [big, other])
        site.baseLoadKW = [2, 2, 5, 2]
        site.pvKW = [0, 0, 0, 0]
        var uncontrolled = UncontrolledStrategy()
        let baseline = try Simulation(input: site).run(strategy: &uncontrolled)
        func capability(_ site: SimulationInput) throws -> ResponseCapability {
            try ResponseCapability.compute(
                input: site, baseline: baseline, baselineStrategy: UncontrolledStrategy(),
                durationSteps: 2)
        }
        #expect(abs(try capability(site).capabilityKW - 2) < 1e-6)
        site.participation = Participation(enrolled: AssetFlags([.batteries: [false, true]]))
        let limited = try capability(site)
        #expect(abs(limited.capabilityKW - 1) < 1e-6)
        #expect(limited.contributions.first?.limitedBy.hasPrefix(
            "participation (1 of 2 enrolled); then energy") == true)
    }
}

/// Participation read from a scenario file: tiny-homes (three homes, two days) with an
/// evening event and half of every class opting out, run end to end.
@Suite("Participation from the scenario")
struct ParticipationScenarioTests {
    func run(seed: UInt64, optOut: Double) throws -> ScenarioRun {
        let source = repositoryRoot.appendingPathComponent("scenarios/tests/tiny-homes.json")
        var text = try String(contentsOf: source, encoding: .utf8)
        let classes = ["batteries", "evs", "shiftableLoads", "curtailableLoads"]
            .map { "\"\($0)\": {\"optOutProbability\": \(optOut)}" }.joined(separator: ", ")
        let programme = """
            "events": {"list": [{"id": "evening", "start": "2022-08-23T17:00:00",
              "end": "2022-08-23T20:00:00", "notice": "2022-08-22T16:00:00",
              "targetPercent": 20}], "participation": {\(classes)}},
            "name":
            """
        let firstName = try #require(text.range(of: "\"name\":"))
        text.replaceSubrange(firstName, with: programme)
        let scenario = try ScenarioLoader.load(
            json: ScenarioLoader.parse(text, displayName: "tiny-homes.json"), url: source,
            displayName: "tiny-homes.json", seedOverride: seed)
        return try ScenarioRun(scenario: scenario, strategyName: "rule-based", version: "test")
    }

    func field(_ run: ScenarioRun, _ key: String) -> SummaryField.Value? {
        run.summary.fields.first { $0.key == key }?.value
    }

    /// With opt-outs the delivered response falls below the planned one; the same seed
    /// gives the same files byte for byte, and the opt-out draws follow the seed.
    @Test func optOutsFollowTheSeedAndCutTheResponse() throws {
        let first = try run(seed: 7, optOut: 0.5)
        let again = try run(seed: 7, optOut: 0.5)
        #expect(first.files.map(\.contents) == again.files.map(\.contents))
        guard case let .number(delivered)? = field(first, "dr_delivered_mean"),
              case let .number(planned)? = field(first, "dr_planned_mean"),
              case let .integer(optOuts)? = field(first, "dr_opt_outs")
        else {
            Issue.record("summary lacks the participation fields")
            return
        }
        #expect(optOuts > 0)
        #expect(delivered < planned - 0.1, "delivered \(delivered), planned \(planned)")
        let stays = try run(seed: 7, optOut: 0)
        #expect(field(stays, "dr_delivered_mean") == field(stays, "dr_planned_mean"))
        #expect(field(stays, "dr_planned_mean") == .number(planned))
        let seeds = try (8...11).map { try field(run(seed: $0, optOut: 0.5), "dr_opt_outs") }
        #expect(Set(seeds.map { "\(String(describing: $0))" }).count > 1)
    }
}
