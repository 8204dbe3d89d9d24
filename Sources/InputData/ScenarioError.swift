/// Why a scenario cannot be run, naming the file, the field, the value and what is allowed.
public enum ScenarioError: Error, Equatable, CustomStringConvertible {
    case unreadable(file: String, reason: String)
    case invalidJSON(file: String, line: Int, detail: String)
    case unknownKey(
        file: String, field: String, line: Int, key: String, allowed: [String], suggestion: String?)
    case missingField(file: String, field: String, line: Int, expected: String)
    case wrongType(
        file: String, field: String, line: Int, expected: String, found: String, value: String)
    case outOfRange(file: String, field: String, line: Int, value: String, allowed: String)
    case inconsistent(file: String, field: String, line: Int, detail: String)
    case dataFile(file: String, field: String, problem: InputDataError)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            "\(file): cannot be read: \(reason)"
        case let .invalidJSON(file, line, detail):
            "\(file):\(line): not valid JSON: \(detail)"
        case let .unknownKey(file, field, line, key, allowed, suggestion):
            "\(file):\(line): \(field.isEmpty ? "the top level" : "'\(field)'") has an unknown key "
                + "'\(key)'\(suggestion.map { " (did you mean '\($0)'?)" } ?? ""); "
                + "allowed keys are: \(allowed.joined(separator: ", "))"
        case let .missingField(file, field, line, expected):
            "\(file):\(line): '\(field)' is missing; it must be \(expected)"
        case let .wrongType(file, field, line, expected, found, value):
            "\(file):\(line): '\(field)' is \(found) (\(value)); it must be \(expected)"
        case let .outOfRange(file, field, line, value, allowed):
            "\(file):\(line): '\(field)' is \(value); allowed: \(allowed)"
        case let .inconsistent(file, field, line, detail):
            "\(file):\(line): '\(field)': \(detail)"
        case let .dataFile(file, field, problem):
            "\(file): '\(field)': \(problem)"
        }
    }
}
