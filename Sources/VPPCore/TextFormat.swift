import Foundation

/// How numbers and text are written into result files, in one place for every writer.
public enum TextFormat {
    /// Decimals written for kW, kWh and money: 4 gives 0.1 W and 0.1 Wh resolution.
    public static let decimals = 4

    /// Fixed decimals, so the same run gives the same bytes, and no "-0.0000" (a negative
    /// zero prints as zero).
    public static func fixed(_ value: Double, decimals: Int = TextFormat.decimals) -> String {
        let text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }

    /// A CSV cell, quoted when it holds a comma, a quote or a line break.
    public static func csvCell(_ text: String) -> String {
        text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" })
            ? "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : text
    }

    /// A JSON string literal with the escapes RFC 8259 requires.
    public static func jsonString(_ text: String) -> String {
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
}
