import InputData
import Foundation
import Testing
@testable import Scenario

/// Hostile or careless input that must end in a ScenarioError, never in a trap or a scenario
/// that loads with impossible values. The tests that could trap run in a child process (an
/// exit test), so that a crash fails one test instead of ending the whole run.
@Suite struct ScenarioValidationAdversarialTests {
    let folder: ScenarioValidationFolder

    init() throws { folder = try ScenarioValidationFolder() }

    /// 1e20 h is 6e21 minutes, more than `Int.max`; the loader must refuse it, not trap.
    @Test func hugeDurationIsRejected() async {
        await #expect(processExitsWith: .success) {
            let folder = try ScenarioValidationFolder()
            let horizon = """
                {"start": "2022-08-01T00:00:00", "durationHours": 1e20, "stepMinutes": 60}
                """
            let error = folder.error(horizon: horizon)
            #expect(error?.field == "horizon.durationHours")
        }
    }

    /// 1e9 h of hourly steps is 8 GB per series; the loader should bound the horizon instead of
    /// trying to allocate it. Run in a child process limited to 4 GB of address space.
    @Test func implausibleDurationIsRejected() async {
        await #expect(processExitsWith: .success) {
            var limit = rlimit(rlim_cur: 4 << 30, rlim_max: 4 << 30)
            guard setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit) == 0 else {
                Issue.record("cannot limit the child's memory; not trying an 8 GB allocation")
                return
            }
            let folder = try ScenarioValidationFolder()
            let horizon = """
                {"start": "2022-08-01T00:00:00", "durationHours": 1e9, "stepMinutes": 60}
                """
            let error = folder.error(horizon: horizon)
            #expect(error?.field == "horizon.durationHours")
        }
    }

    /// 100,000 nested lists (200 kB): the parser must report the depth, not overflow its stack.
    @Test func deeplyNestedJSONIsRejected() async {
        await #expect(processExitsWith: .success) {
            let folder = try ScenarioValidationFolder()
            let json = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
            let error = folder.error(json: json)
            #expect(error?.kind == "invalidJSON")
        }
    }

    /// Statistics whose arrival shares are all zero cannot be sampled; say so, do not trap.
    @Test func statisticsWithZeroArrivalSharesAreRejected() async {
        await #expect(processExitsWith: .success) {
            let folder = try ScenarioValidationFolder()
            try ScenarioValidationStatistics.write(in: folder, arrivalPercent: 0)
            let error = scenarioError { _ = try folder.load(ScenarioValidationStatistics.scenario) }
            #expect(error?.field == "evFleets[0].statistics")
        }
    }

    /// Negative session energies would make vehicles arrive fuller than their battery.
    @Test func statisticsWithNegativeEnergiesAreRejected() throws {
        try ScenarioValidationStatistics.write(in: folder, energyKWh: -50)

        let error = scenarioError { _ = try folder.load(ScenarioValidationStatistics.scenario) }

        #expect(error?.field == "evFleets[0].statistics")
        expectMessage(error, mentions: ["energy_demand_kWh_exceedance.csv"])
    }

    @Test func validStatisticsLoad() throws {
        try ScenarioValidationStatistics.write(in: folder)

        let loaded = try folder.load(ScenarioValidationStatistics.scenario)

        #expect(loaded.input.evChargers.count == 2)
    }

    @Test func scenarioFileIsADirectory() {
        let error = scenarioError {
            _ = try ScenarioLoader.load(url: folder.url, displayName: "folder")
        }

        #expect(error?.kind == "unreadable")
        expectMessage(error, mentions: ["folder"])
    }

    @Test func veryLongLineLoads() throws {
        let long = String(repeating: "x", count: 1_000_000)
        let json = ScenarioValidationText.scenario(extra: "\"description\": \"\(long)\",")

        let loaded = try folder.load(json)

        #expect(loaded.description.count == 1_000_000)
    }

    @Test func seedOverrideReplacesTheScenarioSeed() throws {
        let loaded = try folder.load(ScenarioValidationText.scenario(extra: "\"seed\": 3,"), seed: 9)

        #expect(loaded.input.seed == 9)
    }

    /// `--seed` replaces the scenario's seed, but a wrong seed in the file is still an error:
    /// `validate` rejects the file, so `run --seed` should too.
    @Test func seedOverrideStillValidatesTheScenarioSeed() {
        let json = ScenarioValidationText.scenario(extra: "\"seed\": \"seven\",")
        let error = scenarioError { _ = try folder.load(json, seed: 9) }

        #expect(error?.kind == "wrongType")
        #expect(error?.field == "seed")
    }
}

/// A minimal ElaadNL statistics folder (`elaad/`) for an EV fleet at home, with every arrival
/// share, connection time and energy set to one value so that a test can spoil one of them.
enum ScenarioValidationStatistics {
    static let scenario = ScenarioValidationText.scenario(extra: """
        "evFleets": [{"id": "fleet", "count": 2, "statistics": "elaad", "batteryCapacityKWh": 60,
          "chargerMaxPowerKW": 7.4}],
        """)

    static func write(in folder: ScenarioValidationFolder, arrivalPercent: Double = 1.0,
                      energyKWh: Double = 20) throws {
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("elaad"), withIntermediateDirectories: true)
        let quarterHours = (0..<96).map { "\($0 / 4):\(($0 % 4) * 15),\(arrivalPercent)" }
        let arrivals = (["slot_start,private"] + quarterHours).joined(separator: "\n")
        try folder.write("elaad/arrival_weekday_percent.csv", arrivals)
        try folder.write("elaad/arrival_weekend_percent.csv", arrivals)
        try folder.write("elaad/connection_time_h_exceedance.csv",
                         "percent_of_sessions,private_h\n0,10\n100,2\n")
        try folder.write("elaad/energy_demand_kWh_exceedance.csv",
                         "percent_of_sessions,private_kWh\n0,\(energyKWh)\n100,\(energyKWh)\n")
        let halfHours = (0..<48).map { "\($0 / 2):\(($0 % 2) * 30),8,\(energyKWh)" }
        let means = ["slot_start,home_session_h,home_energy_kWh"] + halfHours
        try folder.write("elaad/mean_by_arrival.csv", means.joined(separator: "\n"))
    }
}
