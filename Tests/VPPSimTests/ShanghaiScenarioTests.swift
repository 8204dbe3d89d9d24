import Foundation
import Results
import Scenario
import Studies
import Testing

/// Every scenario of the Shanghai library validates and runs end to end, with its own
/// strategy and the invariants checked every step, at a reduced resolution (a few agents per
/// population entry) so that the whole library runs in CI.
@Suite("Shanghai scenarios")
struct ShanghaiScenarioTests {
    static let folder = repositoryRoot.appendingPathComponent("scenarios/shanghai")
    static let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?
        .filter { $0.hasSuffix(".json") }.sorted() ?? []

    @Test func theLibraryHasItsScenarios() {
        #expect(Self.files.count >= 8, "found \(Self.files)")
    }

    @Test(arguments: files)
    func runsAtReducedResolution(file: String) throws {
        let url = Self.folder.appendingPathComponent(file)
        let scenario = try ScenarioLoader.load(url: url, displayName: file, agentOverride: 8)
        #expect(scenario.input.evChargers.count <= 16)
        let run = try ScenarioRun(
            scenario: scenario, strategyName: scenario.strategyName, version: "test",
            checksInvariants: true)
        let figures = run.summary.fields.compactMap { field -> Double? in
            if case let .number(value) = field.value { return value }
            return nil
        }
        #expect(figures.allSatisfy { $0.isFinite })
        // Every scenario with a grid peak judges its response target; the islanded one
        // reports what it could not serve instead.
        let judged = run.summary.field("verdict") != nil
        let islanded = run.summary.field("unserved_energy_kWh") != nil
            && scenario.responseTarget == nil
        #expect(judged || islanded)
        #expect(run.summary.field("peak_kW") != nil)
    }

    /// The citywide scenarios are populations: 2,000,000 vehicles and 10,000 buildings,
    /// whatever the resolution.
    @Test func citywideFleetIsTheWholeCity() throws {
        let file = "citywide-2025-today.json"
        for agents in [8, 64] {
            let scenario = try ScenarioLoader.load(
                url: Self.folder.appendingPathComponent(file), displayName: file,
                agentOverride: agents)
            let vehicles = scenario.input.evChargers.reduce(0) { $0 + $1.spec.devices }
            #expect(vehicles == 2_000_000)
            #expect(scenario.input.evChargers.count == 2 * agents)
        }
    }
}
