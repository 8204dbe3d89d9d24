import Engine
import Foundation
import Scenario
import Strategies
import Testing

/// The optimiser's plan is the bound: on real data it costs no more than the rules, and
/// model-predictive control with perfect forecasts comes within a stated tolerance of it.
@Suite("Strategy ordering")
struct StrategyOrderingTests {
    static let peakDay = repositoryRoot.appendingPathComponent("scenarios/tests/fontana-peak-day.json")

    func cost(_ strategyName: String, mpcLookaheadHours: Double? = nil) throws -> (cost: Double, peakKW: Double) {
        var scenario = try ScenarioLoader.load(url: Self.peakDay, displayName: "peak day")
        if let hours = mpcLookaheadHours {
            scenario.strategySettings.mpc = MPCSettings(replanEveryMinutes: 240, lookaheadHours: hours)
        }
        var strategy = StrategyRegistry.make(
            name: strategyName, settings: scenario.strategySettings,
            stepMinutes: scenario.input.grid.stepMinutes)!
        let result = try Simulation(input: scenario.input, checksInvariants: true).run(strategy: &strategy)
        return (result.energyCost + result.curtailmentCost, result.peakNetLoadKW)
    }

    /// Cost here is energy plus curtailment cost, what both strategies pay.
    @Test func optimalCostsNoMoreThanRuleBased() throws {
        let optimal = try cost("optimal")
        let rules = try cost("rule-based")
        let uncontrolled = try cost("uncontrolled")
        #expect(optimal.cost <= rules.cost + 1e-6)
        #expect(rules.cost < uncontrolled.cost)
    }

    /// Re-planning every 4 h over the rest of the day with perfect forecasts stays within
    /// 1 % of the one-shot optimum (the plans differ only where the physics pays curtailment
    /// rebound back earlier than a plan placed it).
    @Test func mpcWithPerfectForecastsIsNearOptimal() throws {
        let optimal = try cost("optimal")
        let mpc = try cost("mpc", mpcLookaheadHours: 24)
        #expect(abs(mpc.cost - optimal.cost) <= 0.01 * optimal.cost)
    }
}
