import VPPCore

/// A chart of time series as inline SVG: lines (or filled areas) over shaded periods,
/// with value and time axes and a legend.
struct SVGLineChart {
    struct Series {
        let name: String
        let color: String
        let values: [Double]
        var dashed = false
        var filled = false
    }

    struct Band {
        let name: String
        let color: String
        let mask: [Bool]
    }

    /// A horizontal line at a value, labelled at its right end.
    struct Marker {
        let label: String
        let color: String
        let value: Double
    }

    let id: String
    let yLabel: String
    let times: [CivilTime]
    var series: [Series] = []
    var bands: [Band] = []
    var markers: [Marker] = []

    /// Size of the drawing in SVG units; the page scales it to the column width.
    static let width = 1100.0, height = 320.0
    static let left = 70.0, right = 20.0, top = 36.0, bottom = 44.0
    static let plotWidth = width - left - right, plotHeight = height - top - bottom

    var svg: String {
        let values = series.flatMap(\.values) + markers.map(\.value)
        let (low, high, ticks) = SVGScale.range(of: values)
        let steps = Double(max(times.count, 1))
        let x = { (step: Int) in Self.left + Self.plotWidth * Double(step) / steps }
        let y = { (value: Double) in Self.top + Self.plotHeight * (high - value) / (high - low) }

        var parts = [SVG.opening(id: id, width: Self.width, height: Self.height)]
        for band in bands {
            for run in Self.runs(of: band.mask) {
                parts.append(SVG.element("rect", [
                    ("x", SVG.number(x(run.lowerBound))), ("y", SVG.number(Self.top)),
                    ("width", SVG.number(x(run.upperBound) - x(run.lowerBound))),
                    ("height", SVG.number(Self.plotHeight)), ("fill", band.color),
                    ("class", "band"),
                ]))
            }
        }
        let right = Self.left + Self.plotWidth
        parts += SVG.valueAxis(ticks: ticks, y: y, left: Self.left, right: right,
                               top: Self.top, height: Self.plotHeight, title: yLabel)
        parts += timeAxis(x: x)
        for item in series { parts += draw(item, x: x, y: y) }
        for (index, marker) in markers.enumerated() {
            // Labels alternate above and below their lines so that close peaks stay legible.
            let labelY = index.isMultiple(of: 2) ? y(marker.value) - 4 : y(marker.value) + 13
            parts.append(SVG.line(x1: Self.left, y1: y(marker.value), x2: right,
                                  y2: y(marker.value), stroke: marker.color,
                                  extra: [("stroke-dasharray", "2 3")]))
            parts.append(SVG.text(marker.label, x: right - 4, y: labelY,
                                  attributes: [("text-anchor", "end"), ("class", "marker"),
                                               ("fill", marker.color)]))
        }
        parts.append(legend())
        parts.append("</svg>")
        return parts.joined(separator: "\n")
    }

    private func draw(_ item: Series, x: (Int) -> Double, y: (Double) -> Double) -> [String] {
        let points = item.values.enumerated().map {
            "\(SVG.number(x($0.offset))),\(SVG.number(y($0.element)))"
        }
        var parts: [String] = []
        if item.filled {
            let base = [x(item.values.count - 1), x(0)].map {
                "\(SVG.number($0)),\(SVG.number(y(0)))"
            }
            parts.append(SVG.element("polygon", [
                ("points", (points + base).joined(separator: " ")), ("fill", item.color),
                ("fill-opacity", "0.35"), ("stroke", "none"),
            ]))
        }
        var attributes = [
            ("points", points.joined(separator: " ")), ("fill", "none"), ("stroke", item.color),
            ("stroke-width", "1.6"), ("class", "series"),
        ]
        if item.dashed { attributes.append(("stroke-dasharray", "6 4")) }
        parts.append(SVG.element("polyline", attributes))
        return parts
    }

    /// Contiguous runs of true in `mask`, as step ranges.
    static func runs(of mask: [Bool]) -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var start: Int?
        for (step, inside) in mask.enumerated() {
            if inside, start == nil { start = step }
            if !inside, let first = start {
                runs.append(first..<step)
                start = nil
            }
        }
        if let first = start { runs.append(first..<mask.count) }
        return runs
    }

    /// Midnights, labelled with weekday and date; noons too when the run is three days or
    /// less.
    private func timeAxis(x: (Int) -> Double) -> [String] {
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let shortRun = Set(times.map(\.dayNumber)).count <= 3
        let bottom = Self.top + Self.plotHeight
        var parts: [String] = []
        for (step, time) in times.enumerated() {
            let label: String
            if time.minuteOfDay == 0 {
                label = "\(weekdays[time.isoWeekday - 1]) \(time.date.month)/\(time.date.day)"
            } else if shortRun, time.minuteOfDay == 720 {
                label = "12:00"
            } else {
                continue
            }
            parts.append(SVG.line(x1: x(step), y1: Self.top, x2: x(step), y2: bottom + 4,
                                  stroke: "#e4e4e4"))
            parts.append(SVG.text(label, x: x(step) + 3, y: bottom + 18,
                                  attributes: [("class", "tick")]))
        }
        return parts
    }

    /// Width of a legend entry's text, estimated per character at the legend's font size.
    static let legendCharacterWidth = 7.0

    private func legend() -> String {
        var entries = series.map { (name: $0.name, color: $0.color, isBand: false) }
        entries += bands.filter { $0.mask.contains(true) }.map { ($0.name, $0.color, true) }
        var x = Self.left
        var parts: [String] = []
        for entry in entries {
            parts.append(entry.isBand
                ? SVG.element("rect", [("x", SVG.number(x)), ("y", "10"), ("width", "18"),
                                       ("height", "12"), ("fill", entry.color)])
                : SVG.line(x1: x, y1: 16, x2: x + 18, y2: 16, stroke: entry.color,
                           extra: [("stroke-width", "3")]))
            parts.append(SVG.text(entry.name, x: x + 24, y: 20, attributes: [("class", "legend")]))
            x += 36 + Double(entry.name.count) * Self.legendCharacterWidth
        }
        return "<g class=\"legend\">" + parts.joined() + "</g>"
    }
}
