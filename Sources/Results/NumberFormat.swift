import Foundation

/// Numbers in result files: fixed decimals so the same run gives the same bytes, and no
/// "-0.000" (a negative zero prints as zero).
enum NumberFormat {
    /// Decimals written for kW, kWh and money: 4 gives 0.1 W and 0.1 Wh resolution.
    static let decimals = 4

    static func fixed(_ value: Double, decimals: Int = NumberFormat.decimals) -> String {
        let text = String(format: "%.\(decimals)f", value)
        if text.hasPrefix("-"), text.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) {
            return String(text.dropFirst())
        }
        return text
    }
}
