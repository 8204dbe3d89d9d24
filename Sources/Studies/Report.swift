import Foundation

/// `vppsim report`: one self-contained XHTML page of a run's charts (inline SVG, inline
/// CSS, no scripts, fonts or links to fetch) and its key figures.
public struct Report: Sendable {
    /// Names vppsim's pages in their head, so that `vppsim report --out` replaces only a
    /// page it wrote.
    public static let generator = "vppsim report"
    /// How every page begins, up to its generator line; `vppsim report --out` replaces only
    /// a file that begins so.
    public static let pageStart = """
        <?xml version="1.0" encoding="UTF-8"?>
        <!DOCTYPE html>
        <html xmlns="http://www.w3.org/1999/xhtml" lang="en">
        <head>
        <meta charset="UTF-8"/>
        <meta name="generator" content="\(generator)"/>
        """

    public let folder: RunFolder
    public let series: RunSeries

    /// Ids of the charts, in page order; tests check that each is present.
    public static let chartIDs = [
        "chart-net-load", "chart-assets", "chart-peak-window-contribution",
        "chart-soc-band", "chart-stored-energy", "chart-ev-unmet",
    ]
    /// The indoor temperature chart, after the SOC band, only for runs with cooled zones.
    public static let indoorTemperatureChartID = "chart-indoor-temperature"

    enum Color {
        static let uncontrolled = "#8a8a8a", controlled = "#1f5fbf", battery = "#2a9d8f"
        static let ev = "#e76f51", shiftable = "#7b5cb8", curtailment = "#c99a06"
        static let cooling = "#3a86c8"
        static let wind = "#6a994e"
        static let peakWindow = "#fbe3bf", event = "#f6b9b9", referencePeak = "#555"
    }

    public init(folder path: String) throws {
        folder = try RunFolder(path: path)
        series = try RunSeries(folder: path)
    }

    public var html: String {
        let kpis = folder.kpis
        let title = "\(kpis.scenario): \(kpis.strategy) (seed \(kpis.seed))"
        var body = ["<h1>\(xmlEscaped(title))</h1>", "<p class=\"lead\">\(xmlEscaped(lead))</p>"]
        body += section("Net load before and after", netLoadChart.svg, note: netLoadNote)
        body += section(
            "Contribution by asset class", assetChart.svg,
            note: "Power of each flexible asset class; positive draws from the grid, negative "
                + "relieves it. Curtailment is rebound minus shed."
                + (series.windKW == nil ? "" : " Wind is not flexible; it is drawn as minus "
                    + "its output, what it takes off the net load."))
        body += section(
            "Mean power in the peak window, by asset class", peakWindowBars.svg,
            note: "Averaged over the steps inside the daily peak window; negative bars lower "
                + "the peak.")
        if let band = socBandChart {
            body += section(
                "Fleet state of charge band", band.svg,
                note: "Lowest, mean and highest state of charge of the stationary batteries at "
                    + "the end of each step.")
        }
        if let indoor = indoorTemperatureChart {
            body += section(
                "Indoor temperature of the cooled zones", indoor.svg,
                note: "Lowest, mean and highest indoor temperature of the zones with air "
                    + "conditioning at the end of each step; the peak window is shaded.")
        }
        body += section(
            "Stored energy", storedEnergyChart.svg,
            note: "Energy in all stationary batteries and in the vehicles plugged in, at the "
                + "end of each step.")
        body += section("EV unmet energy at departure", unmetChart.svg, note: unmetNote)
        body += ["<h2>Key figures</h2>", kpiTable]
        return Report.pageStart + """

        <title>\(xmlEscaped(title))</title>
        <style>\(Report.css)</style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    private var lead: String {
        guard let first = series.times.first, let last = series.times.last else { return "" }
        let name = URL(fileURLWithPath: folder.path).lastPathComponent
        return "\(series.times.count) steps from \(first) to \(last). Written by vppsim report "
            + "from \(name)/."
    }

    private func section(_ heading: String, _ svg: String, note: String) -> [String] {
        ["<h2>\(xmlEscaped(heading))</h2>", "<figure>", svg,
         "<figcaption>\(xmlEscaped(note))</figcaption>", "</figure>"]
    }

    var netLoadChart: SVGLineChart {
        var chart = SVGLineChart(id: "chart-net-load", yLabel: "net load (kW)", times: series.times)
        chart.bands = [peakWindowBand]
        if let events = series.inEvent {
            chart.bands.append(.init(name: "DR event", color: Color.event, mask: events))
        }
        let before = series.netLoadUncontrolledKW
        let after = series.netLoadKW
        chart.series = [
            .init(name: "uncontrolled", color: Color.uncontrolled, values: before),
            .init(name: folder.kpis.strategy, color: Color.controlled, values: after),
        ]
        let peakBefore = before.max() ?? 0
        let peakAfter = after.max() ?? 0
        chart.markers = [
            .init(label: "peak uncontrolled \(StudyFormat.fixed(peakBefore, decimals: 1)) kW",
                  color: Color.referencePeak, value: peakBefore),
            .init(label: "peak \(StudyFormat.fixed(peakAfter, decimals: 1)) kW",
                  color: Color.controlled, value: peakAfter),
        ]
        return chart
    }

    private var netLoadNote: String {
        let events = series.inEvent == nil
            ? " This run has no demand-response event column, so no events are shaded." : ""
        return "Site net load (import positive) of the uncontrolled reference and of the run; "
            + "the daily peak window is shaded.\(events)"
    }

    private var classes: [(name: String, color: String, values: [Double])] {
        [("battery", Color.battery, series.batteryKW), ("EV", Color.ev, series.evKW),
         ("shiftable", Color.shiftable, series.shiftableKW),
         ("curtailment", Color.curtailment, series.curtailmentKW)]
            + (series.thermostaticKW.map { [("cooling", Color.cooling, $0)] } ?? [])
            + (series.windKW.map { [("wind", Color.wind, $0.map { -$0 })] } ?? [])
    }

    private var peakWindowBand: SVGLineChart.Band {
        .init(name: "peak window", color: Color.peakWindow, mask: series.inPeakWindow)
    }

    var assetChart: SVGLineChart {
        var chart = SVGLineChart(id: "chart-assets", yLabel: "power (kW)", times: series.times)
        chart.bands = [peakWindowBand]
        chart.series = classes.map { .init(name: $0.name, color: $0.color, values: $0.values) }
        return chart
    }

    var peakWindowBars: SVGBarChart {
        SVGBarChart(
            id: "chart-peak-window-contribution", yLabel: "mean power (kW)",
            categories: classes.map(\.name),
            values: classes.map { series.peakWindowMean($0.values) }, colors: classes.map(\.color))
    }

    var socBandChart: SVGLineChart? {
        guard let band = series.batterySOCBandPercent else { return nil }
        var chart = SVGLineChart(
            id: "chart-soc-band", yLabel: "battery state of charge (%)", times: series.times)
        chart.series = [
            .init(name: "highest", color: Color.battery, values: band.maximum, dashed: true),
            .init(name: "mean", color: Color.battery, values: band.mean),
            .init(name: "lowest", color: Color.battery, values: band.minimum, dashed: true),
        ]
        return chart
    }

    var indoorTemperatureChart: SVGLineChart? {
        guard let band = series.indoorTemperatureBandC else { return nil }
        var chart = SVGLineChart(
            id: Report.indoorTemperatureChartID, yLabel: "indoor temperature (°C)",
            times: series.times)
        chart.bands = [peakWindowBand]
        chart.series = [
            .init(name: "highest", color: Color.cooling, values: band.maximum, dashed: true),
            .init(name: "mean", color: Color.cooling, values: band.mean),
            .init(name: "lowest", color: Color.cooling, values: band.minimum, dashed: true),
        ]
        return chart
    }

    var storedEnergyChart: SVGLineChart {
        var chart = SVGLineChart(
            id: "chart-stored-energy", yLabel: "stored energy (kWh)", times: series.times)
        chart.series = [
            .init(name: "plugged-in EVs", color: Color.ev, values: series.evEnergyKWh,
                  filled: true),
            .init(name: "batteries", color: Color.battery, values: series.batteryEnergyKWh,
                  filled: true),
        ]
        return chart
    }

    var unmetChart: SVGBarChart {
        let vehicles = series.unmetEnergyByVehicleKWh
        return SVGBarChart(
            id: "chart-ev-unmet", yLabel: "unmet energy (kWh)", categories: vehicles.map(\.vehicle),
            values: vehicles.map(\.unmetKWh), colors: [Color.ev])
    }

    /// Below this a vehicle counts as fully charged: half the 0.001 kWh the files resolve.
    static let unmetThresholdKWh = 0.0005

    private var unmetNote: String {
        let vehicles = series.unmetEnergyByVehicleKWh
        let short = vehicles.filter { $0.unmetKWh > Report.unmetThresholdKWh }.count
        let total = vehicles.reduce(0) { $0 + $1.unmetKWh }
        return "Energy each vehicle lacked at its departures within the horizon (sum over its "
            + "sessions): \(short) of \(vehicles.count) vehicles, "
            + "\(StudyFormat.fixed(total, decimals: 2)) kWh in all."
    }
}
