import Engine
import Foundation
import Results
import Scenario
import Strategies
import Testing

/// The office-cooling demo scenario end to end, with invariants checked every step: the
/// rule-based pre-cooling empties the peak window of cooling, the optimum costs no more
/// than the rules, nobody leaves the comfort band, and output is byte-identical per run.
@Suite("Office cooling scenario")
struct OfficeCoolingScenarioTests {
    static let scenarioURL = repositoryRoot.appendingPathComponent(
        "scenarios/tests/office-cooling.json")

    func run(_ name: String) throws -> (SimulationResult, LoadedScenario) {
        let scenario = try ScenarioLoader.load(url: Self.scenarioURL, displayName: "office")
        var strategy = StrategyRegistry.make(name: name, settings: scenario.strategySettings)!
        let simulation = Simulation(input: scenario.input, checksInvariants: true)
        return (try simulation.run(strategy: &strategy), scenario)
    }

    func peakWindowCoolingKW(_ result: SimulationResult, _ input: SimulationInput) -> Double {
        let steps = input.grid.steps.filter { input.isInPeakWindow(step: $0) }
        return steps.reduce(0) { $0 + result.records[$1].thermostaticKW } / Double(steps.count)
    }

    @Test func strategiesOrderAsExpected() throws {
        let (uncontrolled, scenario) = try run("uncontrolled")
        let (rules, _) = try run("rule-based")
        let (optimal, _) = try run("optimal")
        let input = scenario.input
        #expect(peakWindowCoolingKW(rules, input) < peakWindowCoolingKW(uncontrolled, input))
        #expect(optimal.energyCost <= rules.energyCost)
        #expect(optimal.peakNetLoadKW < uncontrolled.peakNetLoadKW)
        for result in [uncontrolled, rules, optimal] {
            #expect(result.discomfortDegreeHours < 1e-6)
        }
    }

    @Test func sameRunSameBytes() throws {
        func files() throws -> [String] {
            let (result, scenario) = try run("rule-based")
            let (reference, _) = try run("uncontrolled")
            let summary = RunSummary(result: result, reference: reference, version: "test")
            return [
                ResultWriter.timeseriesCSV(
                    result: result, reference: reference, input: scenario.input),
                ResultWriter.summaryCSV(summary),
            ]
        }
        let first = try files()
        #expect(first == (try files()))
        #expect(first[0].hasPrefix("timestamp,") && first[0].contains(",thermostatic_kW,"))
        #expect(first[1].contains("discomfort_degree_hours"))
    }
}
