import InputData
import VPPCore

/// Reads one JSON object of a demand-response section strictly: unknown keys, `null`
/// values, wrong types and out-of-range numbers are errors naming the field's full path.
struct SectionReader {
    let file: String
    let path: String
    let line: Int
    private let members: [(key: String, value: JSONValue)]

    init(_ value: JSONValue, file: String, path: String, allowed: [String]) throws {
        guard case let .object(members, line) = value else {
            throw DemandResponseError.wrongType(
                file: file, field: path, line: value.line, expected: "an object",
                found: value.typeName, value: value.shortText)
        }
        self.file = file
        self.path = path
        self.line = line
        self.members = members
        for member in members {
            guard allowed.contains(member.key) else {
                throw DemandResponseError.unknownKey(
                    file: file, field: path, line: member.value.line, key: member.key,
                    allowed: allowed)
            }
            if case .null = member.value {
                throw DemandResponseError.wrongType(
                    file: file, field: fieldPath(member.key), line: member.value.line,
                    expected: "a value; leave the key out to use its default",
                    found: "null", value: "null")
            }
        }
    }

    func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    func has(_ key: String) -> Bool { members.contains { $0.key == key } }
    func value(_ key: String) -> JSONValue? { members.first { $0.key == key }?.value }
    func lineOf(_ key: String) -> Int { value(key)?.line ?? line }

    func inconsistency(_ key: String, _ detail: String) -> DemandResponseError {
        .inconsistent(file: file, field: fieldPath(key), line: lineOf(key), detail: detail)
    }

    func outOfRange(_ key: String, _ value: String, _ allowed: String) -> DemandResponseError {
        .outOfRange(file: file, field: fieldPath(key), line: lineOf(key), value: value,
                    allowed: allowed)
    }

    private func typeError(_ key: String, _ found: JSONValue, _ expected: String)
        -> DemandResponseError {
        .wrongType(file: file, field: fieldPath(key), line: found.line, expected: expected,
                   found: found.typeName, value: found.shortText)
    }

    /// A number in `range`; `allowed` says the range in words for the message.
    func number(_ key: String, in range: ClosedRange<Double>, allowed: String,
                default fallback: Double? = nil) throws -> Double {
        guard let found = value(key) else {
            if let fallback { return fallback }
            throw DemandResponseError.missingField(
                file: file, field: fieldPath(key), line: line, expected: allowed)
        }
        guard case let .number(number, _) = found else { throw typeError(key, found, allowed) }
        guard range.contains(number) else {
            throw outOfRange(key, formatNumber(number), allowed)
        }
        return number
    }

    /// A number greater than zero and at most `maximum`.
    func positive(_ key: String, maximum: Double = .greatestFiniteMagnitude,
                  default fallback: Double? = nil) throws -> Double {
        let allowed = maximum < .greatestFiniteMagnitude
            ? "a number greater than 0 and at most \(formatNumber(maximum))"
            : "a number greater than 0"
        let value = try number(key, in: 0...maximum, allowed: allowed, default: fallback)
        guard value > 0 else { throw outOfRange(key, formatNumber(value), allowed) }
        return value
    }

    func nonNegative(_ key: String, default fallback: Double? = nil) throws -> Double {
        try number(key, in: 0 ... .greatestFiniteMagnitude, allowed: "a number of 0 or more",
                   default: fallback)
    }

    func fraction(_ key: String, default fallback: Double? = nil) throws -> Double {
        try number(key, in: 0...1, allowed: "a fraction from 0 to 1", default: fallback)
    }

    func integer(_ key: String, in range: ClosedRange<Int>, default fallback: Int? = nil)
        throws -> Int {
        let allowed = "a whole number from \(range.lowerBound) to \(range.upperBound)"
        let value = try number(
            key, in: Double(range.lowerBound)...Double(range.upperBound), allowed: allowed,
            default: fallback.map(Double.init))
        guard value == value.rounded() else { throw outOfRange(key, formatNumber(value), allowed) }
        return Int(value)
    }

    func string(_ key: String, default fallback: String? = nil) throws -> String {
        guard let found = value(key) else {
            if let fallback { return fallback }
            throw DemandResponseError.missingField(
                file: file, field: fieldPath(key), line: line, expected: "a string")
        }
        guard case let .string(text, _) = found else { throw typeError(key, found, "a string") }
        return text
    }

    func choice(_ key: String, from choices: [String], default fallback: String? = nil)
        throws -> String {
        let text = try string(key, default: fallback)
        guard choices.contains(text) else {
            throw outOfRange(key, "\"\(text)\"",
                             "one of " + choices.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        return text
    }

    func bool(_ key: String, default fallback: Bool) throws -> Bool {
        guard let found = value(key) else { return fallback }
        guard case let .bool(flag, _) = found else { throw typeError(key, found, "true or false") }
        return flag
    }

    /// A local time `YYYY-MM-DDTHH:MM[:SS]`.
    func time(_ key: String) throws -> CivilTime {
        let text = try string(key)
        guard let time = CivilTime(iso8601: text) else {
            throw outOfRange(key, "\"\(text)\"", "a local time as YYYY-MM-DDTHH:MM:SS")
        }
        return time
    }

    /// A list of numbers, each in `range` (described by `allowed`).
    func numbers(_ key: String, in range: ClosedRange<Double>, allowed: String,
                 default fallback: [Double]? = nil) throws -> [Double] {
        guard let found = value(key) else {
            if let fallback { return fallback }
            throw DemandResponseError.missingField(
                file: file, field: fieldPath(key), line: line, expected: "a list of numbers")
        }
        guard case let .array(elements, _) = found else {
            throw typeError(key, found, "a list of numbers")
        }
        return try elements.enumerated().map { index, element in
            let field = "\(fieldPath(key))[\(index)]"
            guard case let .number(number, numberLine) = element else {
                throw DemandResponseError.wrongType(
                    file: file, field: field, line: element.line, expected: allowed,
                    found: element.typeName, value: element.shortText)
            }
            guard range.contains(number) else {
                throw DemandResponseError.outOfRange(
                    file: file, field: field, line: numberLine, value: formatNumber(number),
                    allowed: allowed)
            }
            return number
        }
    }

    func optionalObject(_ key: String, allowed: [String]) throws -> SectionReader? {
        guard let found = value(key) else { return nil }
        return try SectionReader(found, file: file, path: fieldPath(key), allowed: allowed)
    }

    /// The elements of a list of objects; an absent list is empty.
    func objects(_ key: String, allowed: [String]) throws -> [SectionReader] {
        guard let found = value(key) else { return [] }
        guard case let .array(elements, _) = found else {
            throw typeError(key, found, "a list of objects")
        }
        return try elements.enumerated().map { index, element in
            try SectionReader(element, file: file, path: "\(fieldPath(key))[\(index)]",
                              allowed: allowed)
        }
    }
}
