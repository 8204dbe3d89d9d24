import Foundation

/// A CSV file read strictly: a header row, then rows with exactly as many cells.
///
/// Accepts a UTF-8 byte-order mark, CRLF line ends and double-quoted cells. Row numbers in
/// errors count the header as row 1, as a spreadsheet shows them.
public struct CSVTable: Sendable {
    public let file: String
    public let header: [String]
    public let rows: [[String]]

    public init(contentsOf url: URL, displayName: String) throws {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
            throw InputDataError.unreadable(
                file: displayName,
                reason: !exists ? "no such file"
                    : isFolder.boolValue ? "it is a folder, not a CSV file" : "not readable")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw InputDataError.unreadable(file: displayName, reason: "not UTF-8 text")
        }
        try self.init(text: text, file: displayName)
    }

    public init(text: String, file: String) throws {
        self.file = file
        var lines = text.split(
            omittingEmptySubsequences: false,
            whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        while let last = lines.last, CSVTable.trimmed(String(last)).isEmpty {
            lines.removeLast()
        }
        guard let first = lines.first else { throw InputDataError.empty(file: file) }
        var headerLine = String(first)
        if headerLine.hasPrefix("\u{FEFF}") { headerLine.removeFirst() }
        header = try CSVTable.cells(of: headerLine, file: file, row: 1)
            .map { String(CSVTable.trimmed($0)) }
        var seen = Set<String>()
        for name in header where !seen.insert(name).inserted {
            throw InputDataError.malformedRow(
                file: file, row: 1, detail: "the column name '\(name)' appears twice in the header")
        }
        var parsed: [[String]] = []
        parsed.reserveCapacity(lines.count - 1)
        for (offset, line) in lines.dropFirst().enumerated() {
            let row = offset + 2
            let cells = try CSVTable.cells(of: String(line), file: file, row: row)
            guard cells.count == header.count else {
                throw InputDataError.malformedRow(file: file, row: row, detail:
                    "has \(cells.count) cells but the header has \(header.count)")
            }
            parsed.append(cells)
        }
        guard !parsed.isEmpty else { throw InputDataError.empty(file: file) }
        rows = parsed
    }

    /// No data value is larger than this; larger ones are mistakes that overflow sums.
    public static let largestMagnitude = 1e12

    public func columnIndex(_ name: String) throws -> Int {
        guard let index = header.firstIndex(of: name) else {
            throw InputDataError.missingColumn(file: file, column: name, available: header)
        }
        return index
    }

    /// The column as numbers; every cell must be a finite number.
    public func numbers(column name: String) throws -> [Double] {
        let index = try columnIndex(name)
        return try rows.enumerated().map { offset, cells in
            try number(cells[index], row: offset + 2, column: name)
        }
    }

    /// The column as numbers, nil for empty cells.
    public func optionalNumbers(column name: String) throws -> [Double?] {
        let index = try columnIndex(name)
        return try rows.enumerated().map { offset, cells in
            cells[index].isEmpty ? nil : try number(cells[index], row: offset + 2, column: name)
        }
    }

    public func strings(column name: String) throws -> [String] {
        let index = try columnIndex(name)
        return rows.map { $0[index] }
    }

    private func number(_ text: String, row: Int, column: String) throws -> Double {
        let trimmed = CSVTable.trimmed(text)
        let decimal = trimmed.utf8.allSatisfy { CSVTable.isNumberByte($0) }
        guard decimal, let value = Double(trimmed), value.isFinite,
            abs(value) <= CSVTable.largestMagnitude
        else {
            throw InputDataError.badNumber(file: file, row: row, column: column, text: text)
        }
        return value
    }

    /// `text` without leading and trailing `CharacterSet.whitespaces`. ASCII text, whose
    /// only such characters are spaces and tabs, is trimmed without Foundation, whose
    /// trimming took most of the time of reading a scenario's data files (`vppsim validate`
    /// on the default scenario: 1.49 s with it, 0.34 s without).
    public static func trimmed(_ text: String) -> Substring {
        let bytes = text.utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else {
            return Substring(text.trimmingCharacters(in: .whitespaces))
        }
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        guard let first = bytes.firstIndex(where: { !blank($0) }),
            let last = bytes.lastIndex(where: { !blank($0) })
        else { return "" }
        return text[first...last]
    }

    /// Digits, signs, decimal points and exponent letters: all a number cell may hold.
    static func isNumberByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || byte == 0x2B || byte == 0x2D || byte == 0x2E
            || byte == 0x65 || byte == 0x45
    }

    private static func cells(of line: String, file: String, row: Int) throws -> [String] {
        var line = Substring(line)
        if line.hasSuffix("\r") { line.removeLast() }
        var cells: [String] = []
        var current = ""
        var inQuotes = false
        var index = line.startIndex
        while index < line.endIndex {
            let character = line[index]
            if inQuotes {
                if character == "\"" {
                    let next = line.index(after: index)
                    if next < line.endIndex, line[next] == "\"" {
                        current.append("\"")
                        index = next
                    } else {
                        inQuotes = false
                    }
                } else {
                    current.append(character)
                }
            } else if character == "\"" && current.allSatisfy({ $0 == " " || $0 == "\t" }) {
                // Blanks before an opening quote (`a, "1,5"`) are dropped, as after a comma
                // a hand-edited file often has them.
                current = ""
                inQuotes = true
            } else if character == "," {
                cells.append(current)
                current = ""
            } else {
                current.append(character)
            }
            index = line.index(after: index)
        }
        if inQuotes {
            throw InputDataError.malformedRow(
                file: file, row: row, detail: "a quoted cell is not closed")
        }
        cells.append(current)
        return cells
    }
}
