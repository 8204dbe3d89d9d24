/// A data file that cannot be used, with where and why, in words a user can act on.
public enum InputDataError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case empty(file: String)
    case malformedRow(file: String, row: Int, detail: String)
    case missingColumn(file: String, column: String, available: [String])
    case badNumber(file: String, row: Int, column: String, text: String)
    case badTimestamp(file: String, row: Int, column: String, text: String)
    case irregularTimestamps(file: String, row: Int, detail: String)
    case doesNotCoverHorizon(file: String, column: String, dataRange: String, horizon: String)
    case badTariff(file: String, field: String, detail: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            "\(file): cannot be read (\(reason)); check that the path is right, "
                + "relative to the scenario file"
        case let .empty(file):
            "\(file): the file is empty; it needs a header row and at least one data row"
        case let .malformedRow(file, row, detail):
            "\(file): row \(row): \(detail)"
        case let .missingColumn(file, column, available):
            "\(file): no column '\(column)'; the columns are: \(available.joined(separator: ", "))"
        case let .badNumber(file, row, column, text):
            "\(file): row \(row), column '\(column)': '\(text)' is not a finite number "
                + "(decimal notation, at most 1e12 in size; NaN, infinity and empty cells are not allowed)"
        case let .badTimestamp(file, row, column, text):
            "\(file): row \(row), column '\(column)': '\(text)' is not a timestamp; "
                + "use local time as YYYY-MM-DDTHH:MM:SS, e.g. 2022-08-01T00:00:00"
        case let .irregularTimestamps(file, row, detail):
            "\(file): row \(row): \(detail); timestamps must rise by the same interval on every row"
        case let .doesNotCoverHorizon(file, column, dataRange, horizon):
            "\(file): column '\(column)' covers \(dataRange), which does not cover the "
                + "simulation horizon \(horizon); shorten the horizon or extend the data"
        case let .badTariff(file, field, detail):
            "\(file): field '\(field)': \(detail)"
        }
    }
}
