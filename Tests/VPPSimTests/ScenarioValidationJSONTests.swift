import Foundation
import Testing
@testable import Scenario

/// Scenario files that are not valid JSON, or whose keys and types are wrong.
@Suite struct ScenarioValidationJSONTests {
    let folder: ScenarioValidationFolder

    init() throws { folder = try ScenarioValidationFolder() }

    @Test func invalidJSONNamesTheLine() {
        let json = "{\n  \"name\": \"x\",\n  \"seed\": 1,,\n  \"horizon\": {}\n}"
        let error = folder.error(json: json)

        #expect(error?.kind == "invalidJSON")
        guard case let .invalidJSON(_, line, _)? = error else { return }
        #expect(line == 3)
        expectMessage(error, mentions: ["scenario.json:3:", "not valid JSON", "expected a key"])
    }

    /// 1e-400 underflows to 0 in Double: refused, not read as 0 unseen.
    @Test func numberThatUnderflowsIsRejected() {
        let error = folder.error(json: "{\n  \"name\": \"x\",\n  \"seed\": 1e-400\n}")

        #expect(error?.kind == "invalidJSON")
        expectMessage(error, mentions: ["scenario.json:3:", "'1e-400' is too small"])
    }

    @Test func duplicateKeyIsRejectedOnItsLine() {
        let json = ScenarioValidationText.scenario(extra: "\"seed\": 1,\n  \"seed\": 2,")
        let error = folder.error(json: json)

        #expect(error?.kind == "invalidJSON")
        expectMessage(error, mentions: ["scenario.json:4:", "\"seed\"", "appears twice"])
    }

    @Test func unknownTopLevelKeySuggestsTheNearest() {
        let json = ScenarioValidationText.scenario(extra: "\"sede\": 1,")
        let error = folder.error(json: json)

        #expect(error?.kind == "unknownKey")
        expectMessage(error, mentions: [
            "scenario.json:3:", "the top level", "'sede'", "did you mean 'seed'?",
            "allowed keys are: name, description, seed, horizon",
        ])
    }

    @Test func unknownNestedKeySuggestsTheNearest() {
        let horizon = """
            {"start": "2022-08-01T00:00:00", "durationHours": 24, "stepMinute": 60}
            """
        let error = folder.error(horizon: horizon)

        #expect(error?.kind == "unknownKey")
        #expect(error?.field == "horizon")
        expectMessage(error, mentions: [
            "'horizon'", "'stepMinute'", "did you mean 'stepMinutes'?",
            "start, durationHours, stepMinutes, source",
        ])
    }

    @Test func unknownKeyInAListElementNamesTheIndex() {
        let batteries = "\"batteries\": [\(ScenarioValidationText.battery()), "
            + "\(ScenarioValidationText.battery("\"energyCapacityKwh\": 3", id: "c"))],"
        let error = folder.error(extra: batteries)

        #expect(error?.kind == "unknownKey")
        #expect(error?.field == "batteries[1]")
        expectMessage(error, mentions: [
            "'batteries[1]'", "'energyCapacityKwh'", "did you mean 'energyCapacityKWh'?",
        ])
    }

    @Test func stringWhereNumberExpected() {
        let horizon = """
            {"start": "2022-08-01T00:00:00", "durationHours": "24", "stepMinutes": 60}
            """
        let error = folder.error(horizon: horizon)

        #expect(error?.kind == "wrongType")
        #expect(error?.field == "horizon.durationHours")
        expectMessage(error, mentions: [
            "scenario.json:4:", "is a string", "must be a number of hours greater than 0",
        ])
    }

    /// The brief for messages: name the value given, not only its type.
    @Test func wrongTypeMessageShowsTheValueGiven() {
        let horizon = """
            {"start": "2022-08-01T00:00:00", "durationHours": "24h", "stepMinutes": 60}
            """
        let error = folder.error(horizon: horizon)

        expectMessage(error, mentions: ["\"24h\""])
    }

    @Test func numberWhereObjectExpected() {
        let error = folder.error(horizon: "24")

        #expect(error?.kind == "wrongType")
        #expect(error?.field == "horizon")
        expectMessage(error, mentions: ["'horizon' is a number", "it must be an object"])
    }

    @Test func boolWhereNumberExpected() {
        let pv = """
            "pv": [{"id": "pv", "profile": {"file": "hourly.csv", "column": "pv_kW_per_kWp"}, "capacityKWp": true}],
            """
        let error = folder.error(extra: pv)

        #expect(error?.kind == "wrongType")
        #expect(error?.field == "pv[0].capacityKWp")
        expectMessage(error, mentions: [
            "'pv[0].capacityKWp' is true/false", "must be a number greater than 0",
        ])
    }

    @Test func numberWhereBoolExpected() {
        let strategy = """
            "strategy": {"name": "rule-based", "ruleBased": {"curtailOnlyInPeakWindow": 1}},
            """
        let error = folder.error(extra: strategy)

        #expect(error?.kind == "wrongType")
        #expect(error?.field == "strategy.ruleBased.curtailOnlyInPeakWindow")
        expectMessage(error, mentions: ["is a number", "true or false"])
    }

    @Test func missingRequiredTopLevelObject() {
        let json = "{\"name\": \"x\", \"tariff\": \(ScenarioValidationText.tariff)}"
        let error = folder.error(json: json)

        #expect(error?.kind == "missingField")
        #expect(error?.field == "horizon")
        expectMessage(error, mentions: ["'horizon' is missing", "must be an object"])
    }

    @Test func missingRequiredNestedField() {
        let batteries = "\"batteries\": [\(ScenarioValidationText.battery(without: "energyCapacityKWh"))],"
        let error = folder.error(extra: batteries)

        #expect(error?.kind == "missingField")
        #expect(error?.field == "batteries[0].energyCapacityKWh")
        expectMessage(error, mentions: ["scenario.json:3:", "'batteries[0].energyCapacityKWh' is missing",
                                        "a number greater than 0"])
    }

    @Test func topLevelListIsNotAScenario() {
        let error = scenarioError { _ = try folder.load("[]") }

        #expect(error?.kind == "wrongType")
        expectMessage(error, mentions: ["(top level)", "is a list", "must be an object"])
    }

    @Test func emptyFileIsInvalidJSON() {
        let error = scenarioError { _ = try folder.load("") }

        #expect(error?.kind == "invalidJSON")
        expectMessage(error, mentions: ["scenario.json:1:", "unexpected end of file"])
    }

    @Test func nonFiniteNumberIsInvalidJSON() {
        let error = folder.error(extra: "\"seed\": NaN,")

        #expect(error?.kind == "invalidJSON")
        expectMessage(error, mentions: ["scenario.json:3:", "NaN"])
    }

    /// RFC 8259 §6: no leading zeros, digits on both sides of a decimal point.
    @Test(arguments: ["01", "1.", ".5", "-01"])
    func nonStandardNumberIsInvalidJSON(number: String) {
        let json = ScenarioValidationText.scenario(extra: "\"seed\": \(number),")
        let error = folder.error(json: json)

        #expect(error?.kind == "invalidJSON")
    }

    /// RFC 8259 §7: control characters in strings must be escaped.
    @Test func rawTabInStringIsInvalidJSON() {
        let json = ScenarioValidationText.scenario(extra: "\"description\": \"a\tb\",")
        let error = folder.error(json: json)

        #expect(error?.kind == "invalidJSON")
    }

    @Test func byteOrderMarkAndCRLFAreAccepted() throws {
        let text = ScenarioValidationText.scenario().replacingOccurrences(of: "\n", with: "\r\n")
        try folder.write("scenario.json", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))

        let loaded = try ScenarioLoader.load(
            url: folder.url.appendingPathComponent("scenario.json"), displayName: "scenario.json")

        #expect(loaded.input.grid.stepCount == 24)
    }

    /// RFC 8259 §7: characters outside the BMP are escaped as a UTF-16 surrogate pair.
    @Test func surrogatePairEscapeIsValidJSON() throws {
        let json = ScenarioValidationText.scenario(extra: "\"description\": \"sun \\ud83c\\udf1e\",")

        let loaded = try folder.load(json)

        #expect(loaded.description == "sun \u{1F31E}")
    }
}
