import Engine
import Foundation
import Results
import Scenario
import Strategies
import Testing

/// Runs of the bundled default scenario through the library: invariants every step, the
/// rule-based strategy cutting the peak, and byte-identical output for the same seed.
@Suite("Default scenario")
struct DefaultScenarioTests {
    static let scenarioURL = repositoryRoot.appendingPathComponent("scenarios/fontana-summer-week.json")

    func run(seed: UInt64? = nil, strategy name: String) throws -> (SimulationResult, SimulationResult, LoadedScenario) {
        let scenario = try ScenarioLoader.load(url: Self.scenarioURL, displayName: "default", seedOverride: seed)
        let simulation = Simulation(input: scenario.input, checksInvariants: true)
        var reference = UncontrolledStrategy()
        var strategy = StrategyRegistry.make(name: name, settings: scenario.strategySettings)!
        return (try simulation.run(strategy: &strategy), try simulation.run(strategy: &reference), scenario)
    }

    @Test func ruleBasedCutsThePeakWithoutUnmetEnergy() throws {
        let (result, reference, _) = try run(strategy: "rule-based")
        #expect(result.peakNetLoadKW < reference.peakNetLoadKW)
        #expect(result.energyCost < reference.energyCost)
        #expect(result.unmetEVEnergyKWh < 1e-6)
        #expect(result.unfinishedShiftableEnergyKWh < 1e-6)
    }

    @Test func sameSeedSameBytesOtherSeedOtherSessions() throws {
        func files(seed: UInt64) throws -> [String] {
            let (result, reference, scenario) = try run(seed: seed, strategy: "rule-based")
            let summary = RunSummary(result: result, reference: reference, version: "test")
            return [
                ResultWriter.timeseriesCSV(result: result, reference: reference, input: scenario.input),
                ResultWriter.sessionsCSV(result: result),
                ResultWriter.summaryCSV(summary),
                ResultWriter.summaryJSON(summary),
            ]
        }
        let first = try files(seed: 3)
        #expect(first == (try files(seed: 3)))
        #expect(first[1] != (try files(seed: 4))[1])
    }
}
