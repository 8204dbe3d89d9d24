/// Axis arithmetic for the report's charts.
enum SVGScale {
    /// Tick values covering [low, high] at a round step (1, 2, 2.5 or 5 times a power of
    /// ten), about `target` of them.
    static func ticks(low: Double, high: Double, target: Int = 5) -> [Double] {
        let span = max(high - low, 1e-9)
        let raw = span / Double(target)
        let magnitude = pow10(floorLog10(raw))
        let step = [1.0, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        var value = (low / step).rounded(.down) * step
        var values: [Double] = []
        // The 1e-9 of a step absorbs rounding in the repeated addition.
        while value <= high + step * 1e-9 {
            values.append(value)
            value += step
        }
        return values
    }

    /// The range a chart shows for `values`: from the lowest tick to the highest, always
    /// including zero and never empty.
    static func range(of values: [Double]) -> (low: Double, high: Double, ticks: [Double]) {
        let low = min(values.min() ?? 0, 0)
        var high = max(values.max() ?? 1, 0)
        if high - low < 1e-9 { high = low + 1 }
        var all = ticks(low: low, high: high)
        let step = all.count > 1 ? all[1] - all[0] : 1
        if let last = all.last, last < high - 1e-9 { all.append(last + step) }
        return (all.first ?? low, all.last ?? high, all)
    }

    /// A tick label: no decimals for whole numbers, else one or two; from ten thousand up,
    /// in thousands ("250k") or millions ("40M"), so a city's kW stay legible.
    static func label(_ value: Double) -> String {
        for (size, suffix) in [(1e6, "M"), (1e3, "k")] where abs(value) >= 10 * size {
            return label(value / size) + suffix
        }
        if abs(value - value.rounded()) < 1e-9 {
            return StudyFormat.fixed(value.rounded(), decimals: 0)
        }
        let tenths = value * 10
        return StudyFormat.fixed(value, decimals: abs(tenths - tenths.rounded()) < 1e-9 ? 1 : 2)
    }

    private static func floorLog10(_ value: Double) -> Int {
        var exponent = 0
        var scaled = value
        while scaled >= 10 { scaled /= 10; exponent += 1 }
        while scaled < 1 { scaled *= 10; exponent -= 1 }
        return exponent
    }

    private static func pow10(_ exponent: Int) -> Double {
        var result = 1.0
        for _ in 0..<abs(exponent) { result *= 10 }
        return exponent >= 0 ? result : 1 / result
    }
}

/// SVG text: elements from attribute lists, coordinates with one decimal (finer than a
/// pixel at the report's size).
enum SVG {
    static func number(_ value: Double) -> String { StudyFormat.fixed(value, decimals: 1) }

    /// `<name a="1" b="2"/>`, or with `content` between an opening and a closing tag.
    static func element(
        _ name: String, _ attributes: [(String, String)], content: String? = nil
    ) -> String {
        let text = attributes.map { " \($0.0)=\"\(xmlEscaped($0.1))\"" }.joined()
        guard let content else { return "<\(name)\(text)/>" }
        return "<\(name)\(text)>\(content)</\(name)>"
    }

    /// The opening tag of a chart, with its id and drawing size.
    static func opening(id: String, width: Double, height: Double) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" id=\"\(id)\" class=\"chart\" "
            + "viewBox=\"0 0 \(number(width)) \(number(height))\" role=\"img\">"
    }

    static func line(x1: Double, y1: Double, x2: Double, y2: Double, stroke: String,
                     extra: [(String, String)] = []) -> String {
        element("line", [("x1", number(x1)), ("y1", number(y1)), ("x2", number(x2)),
                         ("y2", number(y2)), ("stroke", stroke)] + extra)
    }

    static func text(
        _ content: String, x: Double, y: Double, attributes: [(String, String)]
    ) -> String {
        element("text", [("x", number(x)), ("y", number(y))] + attributes,
                content: xmlEscaped(content))
    }

    /// The value-axis grid, tick labels and the rotated axis title.
    static func valueAxis(ticks: [Double], y: (Double) -> Double, left: Double, right: Double,
                          top: Double, height: Double, title: String) -> [String] {
        var parts: [String] = []
        for tick in ticks {
            parts.append(line(x1: left, y1: y(tick), x2: right, y2: y(tick),
                              stroke: tick == 0 ? "#555" : "#ddd"))
            parts.append(text(SVGScale.label(tick), x: left - 6, y: y(tick) + 4,
                              attributes: [("text-anchor", "end"), ("class", "tick")]))
        }
        let middle = top + height / 2
        parts.append(text(title, x: 14, y: middle, attributes: [
            ("class", "axis"), ("text-anchor", "middle"),
            ("transform", "rotate(-90 14 \(number(middle)))"),
        ]))
        return parts
    }
}

/// Text escaped for XML (the report is XHTML, so it parses as XML as well as HTML).
func xmlEscaped(_ text: String) -> String {
    var escaped = ""
    for character in text {
        switch character {
        case "&": escaped += "&amp;"
        case "<": escaped += "&lt;"
        case ">": escaped += "&gt;"
        case "\"": escaped += "&quot;"
        default: escaped.append(character)
        }
    }
    return escaped
}
