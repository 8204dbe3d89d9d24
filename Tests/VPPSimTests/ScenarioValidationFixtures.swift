import Foundation
import InputData
import Testing
@testable import Scenario

/// A temporary folder holding one scenario file and the small data files it names.
///
/// Every folder starts with `hourly.csv`: 48 hourly rows from 2022-08-01T00:00:00 with a
/// `load_kW` column (1.0 kW) and a `pv_kW_per_kWp` column (0.5), enough for the one-day
/// horizon of `ScenarioValidationText.scenario`. The folder is deleted with the object.
final class ScenarioValidationFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("vppsim-validation-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        try write("hourly.csv", ScenarioValidationText.hourlyCSV())
    }

    func write(_ name: String, _ text: String) throws {
        try Data(text.utf8).write(to: url.appendingPathComponent(name))
    }

    func write(_ name: String, bytes: [UInt8]) throws {
        try Data(bytes).write(to: url.appendingPathComponent(name))
    }

    /// Writes `json` as `scenario.json` and loads it, naming it `scenario.json` in messages.
    func load(_ json: String, seed: UInt64? = nil) throws -> LoadedScenario {
        try write("scenario.json", json)
        return try ScenarioLoader.load(
            url: url.appendingPathComponent("scenario.json"), displayName: "scenario.json",
            seedOverride: seed)
    }

    /// The error loading `ScenarioValidationText.scenario` with these parts throws.
    func error(
        horizon: String = ScenarioValidationText.horizon, tariff: String = ScenarioValidationText.tariff,
        baseLoads: String = ScenarioValidationText.baseLoad, extra: String = "",
        sourceLocation: SourceLocation = #_sourceLocation
    ) -> ScenarioError? {
        let json = ScenarioValidationText.scenario(
            horizon: horizon, tariff: tariff, baseLoads: baseLoads, extra: extra)
        return error(json: json, sourceLocation: sourceLocation)
    }

    /// The error loading `json` throws.
    func error(json: String, sourceLocation: SourceLocation = #_sourceLocation) -> ScenarioError? {
        scenarioError(sourceLocation: sourceLocation) { _ = try load(json) }
    }

    deinit {
        try? FileManager.default.removeItem(at: url)
    }
}

/// Scenario and CSV text for the validation tests, valid unless a test changes a part.
enum ScenarioValidationText {
    static let horizon = """
        {"start": "2022-08-01T00:00:00", "durationHours": 24, "stepMinutes": 60}
        """
    static let tariff = """
        {"importPrice": {"constantPerKWh": 0.2}}
        """
    static let baseLoad = """
        [{"id": "site", "profile": {"file": "hourly.csv", "column": "load_kW"}}]
        """

    /// A one-day scenario; `extra` is further top-level members, each line ending in a comma.
    static func scenario(
        horizon: String = horizon, tariff: String = tariff, baseLoads: String = baseLoad,
        extra: String = ""
    ) -> String {
        """
        {
          "name": "validation",
          \(extra)
          "horizon": \(horizon),
          "tariff": \(tariff),
          "baseLoads": \(baseLoads)
        }
        """
    }

    /// A valid battery with `changes` (e.g. `"minimumSOC": 0.9`) added; `without` is removed.
    static func battery(_ changes: String = "", without: String = "", id: String = "b") -> String {
        var fields = [
            "\"id\": \"\(id)\"", "\"energyCapacityKWh\": 10", "\"maxChargePowerKW\": 5",
            "\"maxDischargePowerKW\": 5",
        ].filter { !$0.hasPrefix("\"\(without)\"") || without.isEmpty }
        if !changes.isEmpty { fields.append(changes) }
        return "{" + fields.joined(separator: ", ") + "}"
    }

    /// `rows` hourly rows from `start`, header `timestamp,load_kW,pv_kW_per_kWp`.
    static func hourlyCSV(rows: Int = 48, start: String = "2022-08-01T00:00:00") -> String {
        hourlyLines(rows: rows, start: start).joined(separator: "\n") + "\n"
    }

    static func hourlyLines(rows: Int = 48, start: String = "2022-08-01T00:00:00") -> [String] {
        let first = Int(start.dropFirst(11).prefix(2))!
        let day = Int(start.dropFirst(8).prefix(2))!
        let lines = (0..<rows).map { index -> String in
            let hour = first + index
            let stamp = "2022-08-\(twoDigits(day + hour / 24))T\(twoDigits(hour % 24)):00:00"
            return "\(stamp),1.0,0.5"
        }
        return ["timestamp,load_kW,pv_kW_per_kWp"] + lines
    }

    private static func twoDigits(_ value: Int) -> String {
        value < 10 ? "0\(value)" : String(value)
    }
}

/// The error `body` throws, recorded as a test failure when it throws none or another type.
func scenarioError(
    sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void
) -> ScenarioError? {
    do {
        try body()
        Issue.record("expected a ScenarioError, but loading succeeded", sourceLocation: sourceLocation)
    } catch let error as ScenarioError {
        return error
    } catch {
        Issue.record("expected a ScenarioError, got \(error)", sourceLocation: sourceLocation)
    }
    return nil
}

/// Checks that the message contains every one of `parts` (the file, field, value, allowed).
func expectMessage(
    _ error: ScenarioError?, mentions parts: [String],
    sourceLocation: SourceLocation = #_sourceLocation
) {
    guard let message = error?.description else { return }
    for part in parts {
        #expect(message.contains(part), "message should mention \(part): \(message)",
                sourceLocation: sourceLocation)
    }
}

extension ScenarioError {
    /// The case name, so that a test can say which kind of error it expects in one line.
    var kind: String {
        switch self {
        case .unreadable: "unreadable"
        case .invalidJSON: "invalidJSON"
        case .unknownKey: "unknownKey"
        case .missingField: "missingField"
        case .wrongType: "wrongType"
        case .outOfRange: "outOfRange"
        case .inconsistent: "inconsistent"
        case let .dataFile(_, _, problem): "dataFile." + problem.kind
        }
    }

    /// The field path the error names, if any; read by label so that adding an associated
    /// value to a case does not break the tests.
    var field: String? {
        guard let payload = Mirror(reflecting: self).children.first?.value else { return nil }
        return Mirror(reflecting: payload).children.first { $0.label == "field" }?.value as? String
    }
}

extension InputDataError {
    var kind: String {
        switch self {
        case .unreadable: "unreadable"
        case .empty: "empty"
        case .malformedRow: "malformedRow"
        case .missingColumn: "missingColumn"
        case .badNumber: "badNumber"
        case .badTimestamp: "badTimestamp"
        case .irregularTimestamps: "irregularTimestamps"
        case .doesNotCoverHorizon: "doesNotCoverHorizon"
        case .badTariff: "badTariff"
        }
    }
}
