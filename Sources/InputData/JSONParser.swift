/// A strict JSON parser (RFC 8259) that keeps line numbers and rejects duplicate keys.
///
/// Written here rather than using Foundation's so that errors can name the line, duplicate
/// keys are caught instead of silently dropped, and booleans are never read as numbers.
public struct JSONParser {
    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    private var depth = 0

    /// Deepest nesting of lists and objects accepted; scenarios need fewer than ten levels,
    /// and the limit keeps a hostile file from exhausting the stack.
    static let maximumDepth = 256

    public struct Failure: Error {
        public let line: Int
        public let message: String
    }

    init(text: String) {
        bytes = Array(text.utf8)
    }

    public static func parse(_ text: String) throws -> JSONValue {
        var parser = JSONParser(text: text)
        if parser.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { parser.position = 3 }
        let value = try parser.parseValue()
        parser.skipWhitespace()
        guard parser.position == parser.bytes.count else {
            throw parser.failure("unexpected text after the end")
        }
        return value
    }

    private func failure(_ message: String) -> Failure { Failure(line: line, message: message) }

    private mutating func skipWhitespace() {
        while position < bytes.count {
            switch bytes[position] {
            case 0x0A: line += 1; position += 1
            case 0x20, 0x09, 0x0D: position += 1
            default: return
            }
        }
    }

    private mutating func parseValue() throws -> JSONValue {
        skipWhitespace()
        guard position < bytes.count else { throw failure("unexpected end of file") }
        let startLine = line
        switch bytes[position] {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString(), line: startLine)
        case UInt8(ascii: "t"): try expectWord("true"); return .bool(true, line: startLine)
        case UInt8(ascii: "f"): try expectWord("false"); return .bool(false, line: startLine)
        case UInt8(ascii: "n"): try expectWord("null"); return .null(line: startLine)
        default: return .number(try parseNumber(), line: startLine)
        }
    }

    private mutating func expectWord(_ word: String) throws {
        let expected = Array(word.utf8)
        guard bytes.count - position >= expected.count,
              Array(bytes[position..<position + expected.count]) == expected
        else { throw failure("unexpected character; expected \(word)") }
        position += expected.count
    }

    private mutating func enter() throws {
        depth += 1
        guard depth <= JSONParser.maximumDepth else {
            throw failure("lists and objects are nested more than \(JSONParser.maximumDepth) deep")
        }
    }

    private mutating func parseObject() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        let startLine = line
        position += 1
        var keys = Set<String>()
        var members: [(key: String, value: JSONValue)] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") {
            position += 1
            return .object(members, line: startLine)
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw failure("expected a key in double quotes")
            }
            let keyLine = line
            let key = try parseString()
            if !keys.insert(key).inserted {
                throw Failure(
                    line: keyLine, message: "the key \"\(key)\" appears twice in one object")
            }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw failure("expected ':' after the key \"\(key)\"")
            }
            position += 1
            members.append((key, try parseValue()))
            skipWhitespace()
            guard position < bytes.count else {
                throw failure("unexpected end of file inside an object")
            }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return .object(members, line: startLine)
            }
            throw failure("expected ',' or '}' in an object")
        }
    }

    private mutating func parseArray() throws -> JSONValue {
        try enter()
        defer { depth -= 1 }
        let startLine = line
        position += 1
        var elements: [JSONValue] = []
        skipWhitespace()
        if position < bytes.count, bytes[position] == UInt8(ascii: "]") {
            position += 1
            return .array(elements, line: startLine)
        }
        while true {
            elements.append(try parseValue())
            skipWhitespace()
            guard position < bytes.count else {
                throw failure("unexpected end of file inside a list")
            }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return .array(elements, line: startLine)
            }
            throw failure("expected ',' or ']' in a list")
        }
    }

    private mutating func parseString() throws -> String {
        position += 1
        var scalars: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            position += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: scalars, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard position < bytes.count else { break }
                let escape = bytes[position]
                position += 1
                switch escape {
                case UInt8(ascii: "n"): scalars.append(0x0A)
                case UInt8(ascii: "t"): scalars.append(0x09)
                case UInt8(ascii: "r"): scalars.append(0x0D)
                case UInt8(ascii: "b"): scalars.append(0x08)
                case UInt8(ascii: "f"): scalars.append(0x0C)
                case UInt8(ascii: "u"):
                    let scalar = try parseUnicodeEscape()
                    scalars.append(contentsOf: Array(String(Character(scalar)).utf8))
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"):
                    scalars.append(escape)
                default: throw failure(
                    "unknown escape \\\(Character(Unicode.Scalar(escape))) in a string")
                }
            case 0x0A:
                throw failure("a string runs past the end of the line")
            case 0x00..<0x20:
                throw failure("a string holds a control character (byte \(byte)); write it as an "
                    + "escape such as \\t")
            default:
                scalars.append(byte)
            }
        }
        throw failure("a string is not closed")
    }

    /// The scalar of a backslash-u escape of four hex digits (the backslash and u already
    /// read), joining a UTF-16 surrogate pair.
    private mutating func parseUnicodeEscape() throws -> Unicode.Scalar {
        func hexUnit() throws -> UInt32 {
            guard position + 4 <= bytes.count,
                  let code = UInt32(
                      String(decoding: bytes[position..<position + 4], as: UTF8.self), radix: 16)
            else { throw failure("bad \\u escape in a string: expected four hex digits") }
            position += 4
            return code
        }
        let first = try hexUnit()
        if (0xD800..<0xDC00).contains(first) {
            guard position + 2 <= bytes.count, bytes[position] == UInt8(ascii: "\\"),
                  bytes[position + 1] == UInt8(ascii: "u")
            else { throw failure("a \\u escape starts a surrogate pair that is not completed") }
            position += 2
            let second = try hexUnit()
            guard (0xDC00..<0xE000).contains(second),
                  let scalar = Unicode.Scalar(
                      0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00))
            else { throw failure("a \\u surrogate pair is not valid") }
            return scalar
        }
        guard let scalar = Unicode.Scalar(first) else {
            throw failure("a \\u escape names no character")
        }
        return scalar
    }

    /// A number by RFC 8259's grammar: -? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?
    private mutating func parseNumber() throws -> Double {
        let start = position
        func digits() -> Int {
            let first = position
            while position < bytes.count, bytes[position] >= 48, bytes[position] <= 57 { position += 1 }
            return position - first
        }
        if position < bytes.count, bytes[position] == UInt8(ascii: "-") { position += 1 }
        let leadingZero = position < bytes.count && bytes[position] == 48
        let integerDigits = digits()
        var valid = integerDigits > 0 && !(leadingZero && integerDigits > 1)
        if valid, position < bytes.count, bytes[position] == UInt8(ascii: ".") {
            position += 1
            valid = digits() > 0
        }
        func next(is characters: String) -> Bool {
            position < bytes.count && characters.utf8.contains(bytes[position])
        }
        if valid, next(is: "eE") {
            position += 1
            if next(is: "+-") { position += 1 }
            valid = digits() > 0
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard valid, let value = Double(text), value.isFinite else {
            let end = min(max(position, start + 1), bytes.count)
            let shown = String(decoding: bytes[start..<end], as: UTF8.self)
            throw failure("'\(shown)' is not a JSON value (numbers are written like -12, 0.5 or 1e3, "
                + "and must be finite; NaN and Infinity are not JSON)")
        }
        // 1e-400 reads as 0: a number written as non-zero must not become zero unseen.
        let mantissa = text.prefix { $0 != "e" && $0 != "E" }
        if value == 0 && mantissa.contains(where: { ("1"..."9").contains($0) }) {
            throw failure("'\(text)' is too small to represent and would read as 0; "
                + "write 0, or a number of at least 1e-300 in size")
        }
        return value
    }
}

private func isHexDigit(_ byte: UInt8) -> Bool {
    (48...57).contains(byte) || (65...70).contains(byte) || (97...102).contains(byte)
}
