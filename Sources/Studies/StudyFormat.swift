import Foundation
import VPPCore

/// Text formats of the study files; numbers, CSV cells and JSON strings are written as the
/// run files write them (`TextFormat`).
enum StudyFormat {
    static let decimals = TextFormat.decimals

    static func fixed(_ value: Double, decimals: Int = StudyFormat.decimals) -> String {
        TextFormat.fixed(value, decimals: decimals)
    }

    static func csvCell(_ text: String) -> String { TextFormat.csvCell(text) }

    static func csvLine(_ cells: [String]) -> String {
        cells.map(csvCell).joined(separator: ",")
    }

    static func jsonString(_ text: String) -> String { TextFormat.jsonString(text) }

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
