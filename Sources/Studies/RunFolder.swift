import Foundation
import InputData
import Results

/// A result folder written by `vppsim run`, read back for comparisons and reports.
public struct RunFolder: Sendable {
    public let path: String
    public let kpis: RunKPIs
    /// The summary's fields in file order, with their units, for the report's table.
    public let fields: [(columnName: String, text: String)]

    /// Units a summary column may end in; any three capital letters are a currency too.
    static let units: Set<String> = ["kW", "kWh", "percent", "min", "cycles", "s", "h"]

    /// The files that mark the result folder of a study, and the command that writes them.
    static let studyOutputs = [
        ("sweep.csv", "sweep"), ("bench.csv", "bench"), ("comparison.csv", "compare"),
        ("resolution.csv", "resolution"),
    ]

    /// Whether `path` is a folder (as opposed to a scenario file).
    public static func isFolder(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory)
            && isDirectory.boolValue
    }

    /// Reads summary.json, or summary.csv when there is no JSON.
    public init(path: String) throws {
        self.path = path
        let folder = URL(fileURLWithPath: path)
        let jsonURL = folder.appendingPathComponent("summary.json")
        let csvURL = folder.appendingPathComponent("summary.csv")
        var pairs: [(String, String, isText: Bool)] = []
        // A study's folder has a summary.json too, of another shape: say what it is.
        for (file, command) in RunFolder.studyOutputs
            where FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path) {
            throw StudyError.notARunFolder(
                path: path, reason: "it holds \(file), the result of 'vppsim \(command)', which "
                    + "compares runs rather than being one (plot \(file) itself)")
        }
        if let text = try? String(contentsOf: jsonURL, encoding: .utf8) {
            pairs = try RunFolder.jsonPairs(text, file: "\(path)/summary.json")
        } else if let text = try? String(contentsOf: csvURL, encoding: .utf8) {
            let table = try CSVTable(text: text, file: "\(path)/summary.csv")
            pairs = zip(table.header, table.rows[0]).map { ($0, $1, Double($1) == nil) }
        } else {
            throw StudyError.notARunFolder(
                path: path, reason: "it has no summary.json or summary.csv")
        }
        let entries = pairs.map { name, text, isText in
            let (key, unit) = RunFolder.splitUnit(name)
            let number = Double(text) ?? .nan
            let isCount = unit.isEmpty && !text.contains(".") && number == number.rounded()
            let value: SummaryField.Value = isText ? .text(text)
                : isCount ? .integer(Int(number)) : .number(number)
            return (key: key, unit: unit, value: value)
        }
        // Shown as summary.csv writes them; without it, counts whole and other numbers with
        // 4 decimals (summary.json's numbers do not say which were integers).
        let written = (try? String(contentsOf: csvURL, encoding: .utf8))
            .flatMap { try? CSVTable(text: $0, file: "\(path)/summary.csv") }
        let writtenText = Dictionary(zip(written?.header ?? [], written?.rows.first ?? []),
                                     uniquingKeysWith: { first, _ in first })
        fields = zip(pairs, entries).map { pair, entry in
            if let text = writtenText[pair.0] { return (pair.0, text) }
            switch entry.value {
            case let .text(text): return (pair.0, text)
            case let .integer(number): return (pair.0, String(number))
            case let .number(number): return (pair.0, StudyFormat.fixed(number))
            }
        }
        kpis = RunKPIs(entries: entries)
        guard !kpis.scenario.isEmpty, !kpis.strategy.isEmpty else {
            throw StudyError.badSummary(file: "\(path)/summary.json", field: "scenario, strategy",
                                        value: "missing", allowed: "the summary of a vppsim run")
        }
    }

    /// Splits "peak_reduction_percent" into ("peak_reduction", "percent").
    static func splitUnit(_ columnName: String) -> (key: String, unit: String) {
        guard let underscore = columnName.lastIndex(of: "_") else { return (columnName, "") }
        let suffix = String(columnName[columnName.index(after: underscore)...])
        let isCurrency = suffix.count == 3 && suffix.allSatisfy { $0.isASCII && $0.isUppercase }
        guard units.contains(suffix) || isCurrency else { return (columnName, "") }
        return (String(columnName[..<underscore]), suffix)
    }

    private static func jsonPairs(
        _ text: String, file: String
    ) throws -> [(String, String, isText: Bool)] {
        let root: JSONValue
        do {
            root = try JSONParser.parse(text)
        } catch let failure as JSONParser.Failure {
            throw StudyError.notARunFolder(
                path: URL(fileURLWithPath: file).deletingLastPathComponent().path,
                reason: "\(file):\(failure.line) is not valid JSON (\(failure.message))")
        }
        guard let members = root.objectMembers else {
            throw StudyError.badSummary(file: file, field: "(top level)", value: root.typeName,
                                        allowed: "an object of key figures")
        }
        return try members.map { member in
            switch member.value {
            case let .string(text, _): return (member.key, text, true)
            case let .number(number, _): return (member.key, formatNumber(number), false)
            default:
                throw StudyError.badSummary(
                    file: file, field: member.key, value: member.value.shortText,
                                            allowed: "a number or a string")
            }
        }
    }
}
