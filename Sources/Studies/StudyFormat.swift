import Foundation

/// Text formats shared by the study files: fixed decimals as in the run files, CSV cells
/// and JSON strings.
///
/// Results keeps its own `NumberFormat` internal; the rule here is the same (4 decimals,
/// no negative zero) so a study's numbers read like the run's own. Making Results'
/// formatter public would let both share one definition.
enum StudyFormat {
    /// Decimals for kW, kWh, money and percentages, as in summary.csv.
    static let decimals = 4

    static func fixed(_ value: Double, decimals: Int = StudyFormat.decimals) -> String {
        let text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }

    static func csvCell(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    static func csvLine(_ cells: [String]) -> String {
        cells.map(csvCell).joined(separator: ",")
    }

    static func jsonString(_ text: String) -> String {
        var escaped = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            case "\t": escaped += "\\t"
            default:
                if scalar.value < 0x20 {
                    escaped += String(format: "\\u%04x", scalar.value)
                } else {
                    escaped.unicodeScalars.append(scalar)
                }
            }
        }
        return escaped + "\""
    }

    /// Left-aligned text columns separated by two spaces, for the terminal.
    static func alignedTable(_ rows: [[String]], rightAligned: Set<Int> = []) -> String {
        let columnCount = rows.map(\.count).max() ?? 0
        let widths = (0..<columnCount).map { column in
            rows.map { column < $0.count ? $0[column].count : 0 }.max() ?? 0
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let pad = String(repeating: " ", count: widths[column] - cell.count)
                return rightAligned.contains(column) ? pad + cell : cell + pad
            }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }.joined(separator: "\n") + "\n"
    }
}

extension StudyFormat {
    /// A JSON object with members in the given order; values are JSON text already.
    static func jsonObject(_ members: [(String, String)], indent: String = "") -> String {
        let inner = indent + "  "
        let lines = members.map { "\(inner)\(jsonString($0.0)): \($0.1)" }
        return "{\n" + lines.joined(separator: ",\n") + "\n\(indent)}"
    }

    static func jsonArray(_ values: [String]) -> String {
        "[" + values.joined(separator: ", ") + "]"
    }
}
