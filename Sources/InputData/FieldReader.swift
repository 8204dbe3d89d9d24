import VPPCore

/// Reads one JSON object of a scenario strictly, keeping the path of every field so that
/// errors can name it (e.g. `batteries[2].energyCapacityKWh`).
public struct FieldReader {
    public let file: String
    public let path: String
    public let line: Int
    private let members: [(key: String, value: JSONValue)]

    /// Fails on any key not in `allowed`, suggesting the nearest allowed key.
    public init(_ value: JSONValue, file: String, path: String, allowed: [String]) throws {
        guard case let .object(members, line) = value else {
            throw ScenarioError.wrongType(
                file: file, field: path.isEmpty ? "(top level)" : path, line: value.line,
                expected: "an object", found: value.typeName, value: value.shortText)
        }
        self.file = file
        self.path = path
        self.line = line
        self.members = members
        for member in members {
            guard allowed.contains(member.key) else {
                throw ScenarioError.unknownKey(
                    file: file, field: path, line: member.value.line, key: member.key,
                    allowed: allowed, suggestion: nearest(member.key, in: allowed))
            }
            let field = path.isEmpty ? member.key : "\(path).\(member.key)"
            if case .null = member.value {
                throw ScenarioError.wrongType(
                    file: file, field: field, line: member.value.line,
                    expected: "a value; leave the key out to use its default", found: "null",
                    value: "null")
            }
            if member.key == "source", member.value.stringValue == nil {
                throw ScenarioError.wrongType(
                    file: file, field: field, line: member.value.line,
                    expected: "a string naming where the numbers come from",
                    found: member.value.typeName,
                    value: member.value.shortText)
            }
        }
    }

    public func fieldPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    public func has(_ key: String) -> Bool {
        members.contains { $0.key == key }
    }

    public func value(_ key: String) -> JSONValue? {
        members.first { $0.key == key }?.value
    }

    private func require(_ key: String, expected: String) throws -> JSONValue {
        guard let found = value(key) else {
            throw ScenarioError.missingField(
                file: file, field: fieldPath(key), line: line, expected: expected)
        }
        return found
    }

    private func typeError(_ key: String, _ found: JSONValue, _ expected: String) -> ScenarioError {
        .wrongType(
            file: file, field: fieldPath(key), line: found.line, expected: expected,
            found: found.typeName, value: found.shortText)
    }

    // MARK: Numbers

    /// A number within `range`; `allowed` describes the range in words for the message.
    public func number(_ key: String, in range: ClosedRange<Double> = -.infinity ... .infinity,
                allowed: String = "any finite number",
                default fallback: Double? = nil) throws -> Double {
        guard let found = value(key) else {
            if let fallback { return fallback }
            throw ScenarioError.missingField(
                file: file, field: fieldPath(key), line: line, expected: allowed)
        }
        guard case let .number(number, numberLine) = found else {
            throw typeError(key, found, allowed)
        }
        guard range.contains(number) else {
            throw ScenarioError.outOfRange(
                file: file, field: fieldPath(key), line: numberLine, value: formatNumber(number),
                allowed: allowed)
        }
        guard abs(number) <= FieldReader.largestMagnitude else {
            throw ScenarioError.outOfRange(
                file: file, field: fieldPath(key), line: numberLine, value: formatNumber(number),
                allowed: "\(allowed), at most \(formatNumber(FieldReader.largestMagnitude)) in size")
        }
        guard number == 0 || abs(number) >= FieldReader.smallestMagnitude else {
            throw ScenarioError.outOfRange(
                file: file, field: fieldPath(key), line: numberLine, value: "\(number)",
                allowed: "\(allowed), and unless 0 at least \(FieldReader.smallestMagnitude) in size")
        }
        return number
    }

    /// No scenario number is larger than this (1e9 kW is 1,000 GW; 1e9 per kWh is no price).
    /// Larger values are typing mistakes, and products of them overflow to infinity.
    public static let largestMagnitude = 1e9
    /// Nor, other than 0, smaller (1e-9 kWh is a microwatt-hour): a 5e-324 kWh battery
    /// validated and then read 100% full at every step, its energy lost to underflow.
    public static let smallestMagnitude = 1e-9

    /// A number strictly greater than zero (and at most `maximum`).
    public func positive(
        _ key: String, maximum: Double = FieldReader.largestMagnitude, default fallback: Double? = nil
    ) throws -> Double {
        let allowed = maximum < FieldReader.largestMagnitude
            ? "a number greater than 0 and at most \(formatNumber(maximum))"
            : "a number greater than 0"
        let value = try number(key, in: -.infinity...maximum, allowed: allowed, default: fallback)
        guard value > 0 else {
            throw ScenarioError.outOfRange(
                file: file, field: fieldPath(key), line: lineOf(key),
                value: formatNumber(value), allowed: allowed)
        }
        return value
    }

    public func nonNegative(_ key: String, default fallback: Double? = nil) throws -> Double {
        try number(key, in: 0 ... .infinity, allowed: "a number of 0 or more", default: fallback)
    }

    public func fraction(_ key: String, default fallback: Double? = nil) throws -> Double {
        try number(key, in: 0...1, allowed: "a fraction from 0 to 1", default: fallback)
    }

    /// An efficiency in (0, 1].
    public func efficiency(_ key: String, default fallback: Double? = nil) throws -> Double {
        let value = try number(
            key, in: 0...1, allowed: "a fraction greater than 0 and at most 1", default: fallback)
        guard value > 0 else {
            throw ScenarioError.outOfRange(
                file: file, field: fieldPath(key), line: self.value(key)?.line ?? line, value: "0",
                allowed: "a fraction greater than 0 and at most 1")
        }
        return value
    }

    public func integer(
        _ key: String, in range: ClosedRange<Int>, default fallback: Int? = nil
    ) throws -> Int {
        let allowed = "a whole number from \(range.lowerBound) to \(range.upperBound)"
        let value = try number(key, allowed: allowed, default: fallback.map(Double.init))
        guard value == value.rounded(), value >= Double(range.lowerBound),
            value <= Double(range.upperBound) else {
            throw ScenarioError.outOfRange(
                file: file, field: fieldPath(key), line: self.value(key)?.line ?? line,
                value: formatNumber(value), allowed: allowed)
        }
        return Int(value)
    }

    // MARK: Other types

    public func string(_ key: String, default fallback: String? = nil) throws -> String {
        guard let found = value(key) else {
            if let fallback { return fallback }
            throw ScenarioError.missingField(
                file: file, field: fieldPath(key), line: line, expected: "a string")
        }
        guard case let .string(text, _) = found else { throw typeError(key, found, "a string") }
        return text
    }

    /// A string from a fixed set of choices.
    public func choice(
        _ key: String, from choices: [String], default fallback: String? = nil
    ) throws -> String {
        let text = try string(key, default: fallback)
        guard choices.contains(text) else {
            throw ScenarioError.outOfRange(
                file: file, field: fieldPath(key), line: value(key)?.line ?? line,
                value: "\"\(text)\"",
                allowed: "one of " + choices.map { "\"\($0)\"" }.joined(separator: ", "))
        }
        return text
    }

    public func bool(_ key: String, default fallback: Bool) throws -> Bool {
        guard let found = value(key) else { return fallback }
        guard case let .bool(flag, _) = found else { throw typeError(key, found, "true or false") }
        return flag
    }

    public func object(_ key: String, allowed: [String]) throws -> FieldReader {
        let found = try require(key, expected: "an object")
        return try FieldReader(found, file: file, path: fieldPath(key), allowed: allowed)
    }

    public func optionalObject(_ key: String, allowed: [String]) throws -> FieldReader? {
        guard let found = value(key) else { return nil }
        return try FieldReader(found, file: file, path: fieldPath(key), allowed: allowed)
    }

    /// The elements of a list of objects (an absent list is empty).
    public func objects(_ key: String, allowed: [String]) throws -> [FieldReader] {
        guard let found = value(key) else { return [] }
        guard case let .array(elements, _) = found else {
            throw typeError(key, found, "a list of objects")
        }
        return try elements.enumerated().map { index, element in
            try FieldReader(
                element, file: file, path: "\(fieldPath(key))[\(index)]", allowed: allowed)
        }
    }

    /// The line of `key`'s value, or of this object when the key is absent.
    public func lineOf(_ key: String) -> Int { value(key)?.line ?? line }

    /// An error saying `key` holds `value`, and what is allowed.
    public func outOfRange(_ key: String, _ value: String, _ allowed: String) -> ScenarioError {
        .outOfRange(file: file, field: fieldPath(key), line: lineOf(key), value: value, allowed: allowed)
    }

    /// A local time `YYYY-MM-DDTHH:MM[:SS]`.
    public func time(_ key: String) throws -> CivilTime {
        let text = try string(key)
        guard let time = CivilTime(iso8601: text) else {
            throw outOfRange(key, "\"\(text)\"", "a local time as YYYY-MM-DDTHH:MM:SS")
        }
        return time
    }

    /// A list of numbers, each in `range` (described by `allowed`).
    public func numbers(
        _ key: String, in range: ClosedRange<Double>, allowed: String,
        default fallback: [Double]? = nil
    ) throws -> [Double] {
        guard let found = value(key) else {
            if let fallback { return fallback }
            throw ScenarioError.missingField(
                file: file, field: fieldPath(key), line: line, expected: "a list of numbers")
        }
        guard case let .array(elements, _) = found else {
            throw typeError(key, found, "a list of numbers")
        }
        return try elements.enumerated().map { index, element in
            let field = "\(fieldPath(key))[\(index)]"
            guard case let .number(number, numberLine) = element else {
                throw ScenarioError.wrongType(
                    file: file, field: field, line: element.line, expected: allowed,
                    found: element.typeName, value: element.shortText)
            }
            guard range.contains(number), abs(number) <= FieldReader.largestMagnitude else {
                throw ScenarioError.outOfRange(
                    file: file, field: field, line: numberLine, value: formatNumber(number),
                    allowed: allowed)
            }
            return number
        }
    }

    /// An error about this object's field `key` for a rule that spans several fields.
    /// Whether `first` is given, after checking that exactly one of `first` and `second` is;
    /// `meanings` says in words what each of them is, for the message.
    public func exactlyOne(
        _ first: String, _ second: String, meanings: (String, String)
    ) throws -> Bool {
        guard has(first) != has(second) else {
            throw inconsistency(first, "give exactly one of '\(first)' (\(meanings.0)) or "
                + "'\(second)' (\(meanings.1))")
        }
        return has(first)
    }

    public func inconsistency(_ key: String, _ detail: String) -> ScenarioError {
        .inconsistent(
            file: file, field: fieldPath(key), line: value(key)?.line ?? line, detail: detail)
    }
}

/// The allowed key closest to `key` by edit distance, if it is plausibly a typo.
private func nearest(_ key: String, in allowed: [String]) -> String? {
    let scored = allowed.map { ($0, editDistance(key.lowercased(), $0.lowercased())) }
    guard let best = scored.min(by: { $0.1 < $1.1 }),
        best.1 <= (key.count <= 3 ? 1 : max(2, key.count / 3)) else { return nil }
    return best.0
}

private func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    var previous = Array(0...b.count)
    for i in 1...max(a.count, 1) where !a.isEmpty {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...max(b.count, 1) where !b.isEmpty {
            current[j] = min(
                previous[j] + 1, current[j - 1] + 1,
                previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
