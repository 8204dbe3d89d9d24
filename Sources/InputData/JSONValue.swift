/// A parsed JSON value that remembers the line it started on, for error messages.
public indirect enum JSONValue: Sendable, Equatable {
    case object([(key: String, value: JSONValue)], line: Int)
    case array([JSONValue], line: Int)
    case number(Double, line: Int)
    case string(String, line: Int)
    case bool(Bool, line: Int)
    case null(line: Int)

    public var line: Int {
        switch self {
        case let .object(_, line), let .array(_, line), let .number(_, line),
             let .string(_, line), let .bool(_, line), let .null(line):
            line
        }
    }

    /// The JSON type name used in messages.
    public var typeName: String {
        switch self {
        case .object: "an object"
        case .array: "a list"
        case .number: "a number"
        case .string: "a string"
        case .bool: "true/false"
        case .null: "null"
        }
    }

    /// A short rendering of the value for messages.
    public var shortText: String {
        switch self {
        case .object: "{...}"
        case .array: "[...]"
        case let .number(value, _): formatNumber(value)
        case let .string(text, _): "\"\(text)\""
        case let .bool(flag, _): flag ? "true" : "false"
        case .null: "null"
        }
    }

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case let (.object(a, _), .object(b, _)):
            a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
        case let (.array(a, _), .array(b, _)): a == b
        case let (.number(a, _), .number(b, _)): a == b
        case let (.string(a, _), .string(b, _)): a == b
        case let (.bool(a, _), .bool(b, _)): a == b
        case (.null, .null): true
        default: false
        }
    }
}

extension JSONValue {
    /// The same value with every line set to `line`: a value put into a document (a
    /// sweep's `--set`) is reported at the line of what it replaced, not at line 1 of
    /// the option's text.
    public func placed(atLine line: Int) -> JSONValue {
        switch self {
        case let .object(members, _):
            .object(members.map { ($0.key, $0.value.placed(atLine: line)) }, line: line)
        case let .array(elements, _): .array(elements.map { $0.placed(atLine: line) }, line: line)
        case let .number(value, _): .number(value, line: line)
        case let .string(text, _): .string(text, line: line)
        case let .bool(flag, _): .bool(flag, line: line)
        case .null: .null(line: line)
        }
    }
}

/// Numbers in messages: integers without a decimal point, others as Swift prints them.
public func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}

extension JSONValue {
    /// The members of an object, nil for any other value.
    public var objectMembers: [(key: String, value: JSONValue)]? {
        if case let .object(members, _) = self { return members }
        return nil
    }

    /// The member `key` of an object (nil when absent or not an object).
    public subscript(key: String) -> JSONValue? {
        objectMembers?.first { $0.key == key }?.value
    }

    public var stringValue: String? {
        if case let .string(text, _) = self { return text }
        return nil
    }

    public var numberValue: Double? {
        if case let .number(value, _) = self { return value }
        return nil
    }

    /// The elements of a list, nil for any other value.
    public var arrayElements: [JSONValue]? {
        if case let .array(elements, _) = self { return elements }
        return nil
    }
}
