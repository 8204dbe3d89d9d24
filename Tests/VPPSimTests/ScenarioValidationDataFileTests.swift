import Foundation
import InputData
import Testing
@testable import Scenario

/// Data files that are missing, malformed or do not cover the horizon. Each test writes its
/// own `data.csv`; the scenario's base load reads its `load_kW` column.
@Suite struct ScenarioValidationDataFileTests {
    let folder: ScenarioValidationFolder

    init() throws { folder = try ScenarioValidationFolder() }

    private static let baseLoadFromData = """
        [{"id": "site", "profile": {"file": "data.csv", "column": "load_kW"}}]
        """

    /// Loads the scenario with `lines` as `data.csv`.
    private func loadData(_ lines: [String]) -> ScenarioError? {
        do {
            try folder.write("data.csv", lines.joined(separator: "\n") + "\n")
        } catch {
            Issue.record("cannot write data.csv: \(error)")
        }
        return folder.error(baseLoads: Self.baseLoadFromData)
    }

    /// The standard 48 rows with row `row` (1 = header, as a spreadsheet numbers them) replaced.
    private func lines(replacing row: Int, with text: String) -> [String] {
        var lines = ScenarioValidationText.hourlyLines()
        lines[row - 1] = text
        return lines
    }

    @Test func missingDataFile() {
        let error = scenarioError {
            _ = try folder.load(ScenarioValidationText.scenario(baseLoads: Self.baseLoadFromData))
        }

        #expect(error?.kind == "dataFile.unreadable")
        #expect(error?.field == "baseLoads[0].profile.file")
        expectMessage(error, mentions: [
            "scenario.json", "data.csv", "cannot be read", "relative to the scenario file",
        ])
    }

    @Test func dataFileIsADirectory() throws {
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("data.csv"), withIntermediateDirectories: false)
        let error = scenarioError {
            _ = try folder.load(ScenarioValidationText.scenario(baseLoads: Self.baseLoadFromData))
        }

        #expect(error?.kind == "dataFile.unreadable")
        expectMessage(error, mentions: ["data.csv"])
    }

    @Test func missingColumn() {
        let error = loadData(lines(replacing: 1, with: "timestamp,load_kw,pv_kW_per_kWp"))

        #expect(error?.kind == "dataFile.missingColumn")
        #expect(error?.field == "baseLoads[0].profile")
        expectMessage(error, mentions: [
            "data.csv", "no column 'load_kW'", "timestamp, load_kw, pv_kW_per_kWp",
        ])
    }

    @Test func rowWithWrongCellCount() {
        let error = loadData(lines(replacing: 6, with: "2022-08-01T04:00:00,1.0"))

        #expect(error?.kind == "dataFile.malformedRow")
        expectMessage(error, mentions: ["data.csv: row 6", "has 2 cells but the header has 3"])
    }

    @Test func nonNumberCell() {
        let error = loadData(lines(replacing: 7, with: "2022-08-01T05:00:00,abc,0.5"))

        #expect(error?.kind == "dataFile.badNumber")
        expectMessage(error, mentions: [
            "data.csv: row 7, column 'load_kW'", "'abc' is not a finite number",
        ])
    }

    @Test func nanCell() {
        let error = loadData(lines(replacing: 8, with: "2022-08-01T06:00:00,NaN,0.5"))

        #expect(error?.kind == "dataFile.badNumber")
        expectMessage(error, mentions: [
            "row 8, column 'load_kW'", "'NaN'", "NaN, infinity and empty cells",
        ])
    }

    @Test func emptyCell() {
        let error = loadData(lines(replacing: 9, with: "2022-08-01T07:00:00,,0.5"))

        #expect(error?.kind == "dataFile.badNumber")
        expectMessage(error, mentions: ["row 9, column 'load_kW'", "'' is not a finite number"])
    }

    @Test func badTimestamp() {
        let error = loadData(lines(replacing: 10, with: "2022-08-01T25:00:00,1.0,0.5"))

        #expect(error?.kind == "dataFile.badTimestamp")
        expectMessage(error, mentions: [
            "row 10, column 'timestamp'", "'2022-08-01T25:00:00'", "YYYY-MM-DDTHH:MM:SS",
        ])
    }

    @Test func irregularTimestamps() {
        let error = loadData(lines(replacing: 11, with: "2022-08-01T09:30:00,1.0,0.5"))

        #expect(error?.kind == "dataFile.irregularTimestamps")
        expectMessage(error, mentions: [
            "data.csv: row 11", "follows 2022-08-01T08:00:00 after 90 minutes, not 60",
            "same interval",
        ])
    }

    @Test func seriesStartsLate() {
        let error = loadData(ScenarioValidationText.hourlyLines(rows: 48, start: "2022-08-01T05:00:00"))

        #expect(error?.kind == "dataFile.doesNotCoverHorizon")
        expectMessage(error, mentions: [
            "data.csv: column 'load_kW'", "2022-08-01T05:00:00 to 2022-08-03T05:00:00",
            "horizon 2022-08-01T00:00:00 to 2022-08-02T00:00:00",
        ])
    }

    @Test func seriesEndsEarly() {
        let error = loadData(ScenarioValidationText.hourlyLines(rows: 20))

        #expect(error?.kind == "dataFile.doesNotCoverHorizon")
        expectMessage(error, mentions: [
            "2022-08-01T00:00:00 to 2022-08-01T20:00:00", "extend the data",
        ])
    }

    @Test func headerOnlyFileIsEmpty() {
        let error = loadData(["timestamp,load_kW"])

        #expect(error?.kind == "dataFile.empty")
        expectMessage(error, mentions: ["data.csv", "header row and at least one data row"])
    }

    @Test func nonUTF8DataFile() throws {
        try folder.write("data.csv", bytes: Array("timestamp,load_kW\n".utf8) + [0xFF, 0xFE, 0x0A])
        let error = scenarioError {
            _ = try folder.load(ScenarioValidationText.scenario(baseLoads: Self.baseLoadFromData))
        }

        #expect(error?.kind == "dataFile.unreadable")
        expectMessage(error, mentions: ["data.csv", "not UTF-8"])
    }

    /// A non-UTF-8 scenario file exists and is readable; "check the path" would mislead.
    @Test func nonUTF8ScenarioFileSaysSo() throws {
        try folder.write("scenario.json", bytes: Array("{\"name\": \"caf".utf8) + [0xE9] + Array("\"}".utf8))
        let error = scenarioError {
            _ = try ScenarioLoader.load(url: folder.url.appendingPathComponent("scenario.json"),
                                        displayName: "scenario.json")
        }

        expectMessage(error, mentions: ["scenario.json", "UTF-8"])
    }

    @Test func byteOrderMarkAndCRLFInCSVAreAccepted() throws {
        let text = ScenarioValidationText.hourlyLines().joined(separator: "\r\n") + "\r\n"
        try folder.write("data.csv", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))

        let loaded = try folder.load(ScenarioValidationText.scenario(baseLoads: Self.baseLoadFromData))

        #expect(loaded.input.baseLoadKW == Array(repeating: 1.0, count: 24))
    }
}
