/// Vertical bars, one per category, as inline SVG; negative values hang below zero.
struct SVGBarChart {
    let id: String
    let yLabel: String
    let categories: [String]
    let values: [Double]
    let colors: [String]

    /// Size of the drawing in SVG units; the page scales it to the column width.
    static let width = 1100.0, height = 300.0
    static let left = 70.0, right = 20.0, top = 20.0, bottom = 70.0
    /// Above this many bars their names are left off (they would overlap), and above
    /// `maximumValueLabels` their values.
    static let maximumLabelledBars = 40, maximumValueLabels = 12

    var svg: String {
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        let (low, high, ticks) = SVGScale.range(of: values)
        func y(_ value: Double) -> Double { Self.top + plotHeight * (high - value) / (high - low) }
        let slot = plotWidth / Double(max(values.count, 1))
        let barWidth = slot * 0.7

        var parts = [SVG.opening(id: id, width: Self.width, height: Self.height)]
        parts += SVG.valueAxis(ticks: ticks, y: y, left: Self.left, right: Self.left + plotWidth,
                               top: Self.top, height: plotHeight, title: yLabel)
        for (index, value) in values.enumerated() {
            let x = Self.left + slot * Double(index) + (slot - barWidth) / 2
            let top = y(max(value, 0))
            let height = max(abs(y(value) - y(0)), 0.5)
            let name = categories[index]
            let tooltip = SVG.element("title", [], content: xmlEscaped(
                "\(name): \(StudyFormat.fixed(value, decimals: 2))"))
            parts.append(SVG.element("rect", [
                ("x", SVG.number(x)), ("y", SVG.number(top)), ("width", SVG.number(barWidth)),
                ("height", SVG.number(height)), ("fill", colors[index % colors.count]),
                ("class", "bar"),
            ], content: tooltip))
            let middle = x + barWidth / 2
            if values.count <= Self.maximumLabelledBars {
                let labelY = Self.top + plotHeight + 16
                parts.append(SVG.text(name, x: middle, y: labelY, attributes: [
                    ("class", "tick"), ("text-anchor", "end"),
                    ("transform", "rotate(-30 \(SVG.number(middle)) \(SVG.number(labelY)))"),
                ]))
            }
            if values.count <= Self.maximumValueLabels {
                let valueY = value >= 0 ? top - 5 : top + height + 14
                parts.append(SVG.text(StudyFormat.fixed(value, decimals: 2), x: middle, y: valueY,
                                      attributes: [("class", "value"), ("text-anchor", "middle")]))
            }
        }
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }
}
