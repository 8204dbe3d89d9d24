import Foundation
import Results
import Testing
@testable import Studies

/// compare and bench on the two small test scenarios, against golden CSVs. Exact
/// comparison: the files are written with fixed decimals from deterministic runs.
@Suite("Studies: compare and bench")
struct StudiesCompareBenchTests {
    static let settings = StudySettings(workers: 2, quiet: true, version: "test")

    @Test func compareOfTwoScenariosMatchesGolden() throws {
        let entries = try CompareStudy.entries(
            inputs: StudiesGolden.scenarios, strategy: nil, seed: nil, settings: Self.settings)
        let comparison = try Comparison(entries: entries, reference: nil)
        #expect(comparison.entries.map(\.label) == ["tiny-homes-rule-based", "tiny-v2g-rule-based"])
        let references = comparison.references.map(\.label)
        #expect(references == ["tiny-homes-uncontrolled", "tiny-v2g-uncontrolled"])
        try StudiesGolden.check(comparison.csv, against: "compare.csv")
        #expect(comparison.table.hasPrefix("kpi "))
        #expect(comparison.table.contains("peak_kW"))
    }

    @Test func benchOfTwoScenariosMatchesGoldenAndIgnoresThreadCount() throws {
        let paths = StudiesGolden.scenarios
        let strategies = ["uncontrolled", "rule-based"]
        let parallel = try Benchmark.run(scenarioPaths: paths, strategies: strategies, seedCount: 2,
                                         settings: Self.settings)
        try StudiesGolden.check(parallel.longCSV, against: "bench.csv")
        try StudiesGolden.check(parallel.rankingCSV, against: "ranking.csv")

        var serialSettings = Self.settings
        serialSettings.workers = 1
        let serial = try Benchmark.run(scenarioPaths: paths, strategies: strategies, seedCount: 2,
                                       settings: serialSettings)
        #expect(serial.longCSV == parallel.longCSV)
        #expect(serial.rankingCSV == parallel.rankingCSV)
        #expect(parallel.timingCSV.split(separator: "\n").count == 1 + 2 * 2 * 2)
    }

    @Test func benchRejectsUnknownStrategyBeforeRunning() {
        #expect(throws: StudyError.self) {
            try Benchmark.run(scenarioPaths: StudiesGolden.scenarios, strategies: ["rule-basd"],
                              seedCount: 1, settings: Self.settings)
        }
    }

    /// Hand-computed: values 1, 2, 3, 6 have mean 3 and sample variance 14/3.
    @Test func statisticsAndRanks() {
        let stats = KPIStatistics([1, 2, 3, 6])
        #expect(stats.mean == 3)
        #expect(abs(stats.standardDeviation - (14.0 / 3).squareRoot()) < 1e-12)
        #expect(stats.minimum == 1 && stats.maximum == 6)
        #expect(KPIStatistics([5]).standardDeviation == 0)
        #expect(Benchmark.rank(2, among: [3, 2, 2, 1], .lower) == 2)
        #expect(Benchmark.rank(3, among: [3, 2, 2, 1], .lower) == 4)
        #expect(Benchmark.rank(3, among: [3, 2, 2, 1], .higher) == 1)
    }

    @Test func summaryColumnsSplitIntoKeyAndUnit() {
        #expect(RunFolder.splitUnit("peak_reduction_percent") == ("peak_reduction", "percent"))
        #expect(RunFolder.splitUnit("energy_cost_change_CNY") == ("energy_cost_change", "CNY"))
        #expect(RunFolder.splitUnit("ev_sessions") == ("ev_sessions", ""))
        let cycles = RunFolder.splitUnit("battery_equivalent_full_cycles")
        #expect(cycles == ("battery_equivalent_full", "cycles"))
    }

    /// Reference choice: an uncontrolled run among the inputs, a chosen run, or the
    /// summary's own `*_uncontrolled` figures.
    @Test func referencesOfRunFolders() throws {
        func entry(
            _ label: String, strategy: String, peak: Double, uncontrolledPeak: Double
        ) -> Comparison.Entry {
            let fields: [(key: String, unit: String, value: SummaryField.Value)] = [
                ("scenario", "", SummaryField.Value.text("s")),
                ("strategy", "", SummaryField.Value.text(strategy)),
                ("seed", "", SummaryField.Value.integer(1)),
                ("peak_uncontrolled", "kW", SummaryField.Value.number(uncontrolledPeak)),
                ("peak", "kW", SummaryField.Value.number(peak)),
            ]
            var kpis = RunKPIs(entries: fields)
            kpis.scenario = "s"
            return Comparison.Entry(label: label, kpis: kpis)
        }
        let controlled = entry("a", strategy: "rule-based", peak: 80, uncontrolledPeak: 100)
        let alone = try Comparison(entries: [controlled], reference: nil)
        #expect(alone.references[0].values["peak_kW"] == 100)
        #expect(alone.csv.contains(
            "a,s,rule-based,1,peak,kW,80.0000,uncontrolled (from a's summary),"
            + "100.0000,-20.0000,-20.0000"))

        let uncontrolled = entry("u", strategy: "uncontrolled", peak: 90, uncontrolledPeak: 90)
        let paired = try Comparison(entries: [controlled, uncontrolled], reference: nil)
        #expect(paired.references.map(\.label) == ["u", "u"])

        let chosen = try Comparison(entries: [controlled, uncontrolled], reference: "1")
        #expect(chosen.references.map(\.label) == ["a", "a"])
        #expect(throws: StudyError.self) { try Comparison(entries: [controlled], reference: "3") }
    }

    @Test func progressLineShowsRateAndTimeLeft() {
        let line = StudyProgress.line(label: "bench", done: 10, total: 40, elapsedSeconds: 5)
        #expect(line == "bench: 10/40 runs, 2.0 runs/s, 0:15 left")
        let slow = StudyProgress.line(label: "sweep 1/2", done: 1, total: 3, elapsedSeconds: 4)
        #expect(slow == "sweep 1/2: 1/3 runs, 4.0 s/run, 0:08 left")
    }
}
