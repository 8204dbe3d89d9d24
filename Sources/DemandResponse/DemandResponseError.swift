/// Why a demand-response section of a scenario cannot be used, naming the file, the field
/// (as a path such as `events.list[2].targetKW`), the line, the value and what is allowed.
///
/// The cases mirror the Scenario module's errors so the loader can map them one to one.
public enum DemandResponseError: Error, Equatable, CustomStringConvertible {
    case unknownKey(file: String, field: String, line: Int, key: String, allowed: [String])
    case missingField(file: String, field: String, line: Int, expected: String)
    case wrongType(
        file: String, field: String, line: Int, expected: String, found: String, value: String)
    case outOfRange(file: String, field: String, line: Int, value: String, allowed: String)
    case inconsistent(file: String, field: String, line: Int, detail: String)

    public var description: String {
        switch self {
        case let .unknownKey(file, field, line, key, allowed):
            "\(file):\(line): '\(field)' has an unknown key '\(key)'; "
                + "allowed keys are: \(allowed.joined(separator: ", "))"
        case let .missingField(file, field, line, expected):
            "\(file):\(line): '\(field)' is missing; it must be \(expected)"
        case let .wrongType(file, field, line, expected, found, value):
            "\(file):\(line): '\(field)' is \(found) (\(value)); it must be \(expected)"
        case let .outOfRange(file, field, line, value, allowed):
            "\(file):\(line): '\(field)' is \(value); allowed: \(allowed)"
        case let .inconsistent(file, field, line, detail):
            "\(file):\(line): '\(field)': \(detail)"
        }
    }
}
