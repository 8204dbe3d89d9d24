import Foundation
import InputData
import VPPCore

/// The time series and EV sessions of a result folder, read back for the report.
public struct RunSeries: Sendable {
    public let times: [CivilTime]
    public let netLoadKW: [Double]
    public let netLoadUncontrolledKW: [Double]
    public let batteryKW: [Double]
    public let evKW: [Double]
    public let shiftableKW: [Double]
    /// Rebound minus shed: what curtailment adds to the net load (negative while shedding).
    public let curtailmentKW: [Double]
    public let batteryEnergyKWh: [Double]
    public let evEnergyKWh: [Double]
    public let inPeakWindow: [Bool]
    /// Lowest, mean and highest battery state of charge per step, percent; nil for run
    /// folders written before these columns existed.
    public let batterySOCBandPercent: (minimum: [Double], mean: [Double], maximum: [Double])?
    /// Air conditioners' power, and the lowest, mean and highest indoor temperature per
    /// step (°C); nil for runs without thermostatic loads.
    public let thermostaticKW: [Double]?
    public let indoorTemperatureBandC: (minimum: [Double], mean: [Double], maximum: [Double])?
    /// Wind farms' output, kW; nil for runs without wind farms.
    public let windKW: [Double]?
    /// Steps inside a demand-response event; nil when the run has no event column.
    public let inEvent: [Bool]?
    /// Unmet energy per vehicle over the sessions that departed within the horizon, in
    /// the order of ev_sessions.csv.
    public let unmetEnergyByVehicleKWh: [(vehicle: String, unmetKWh: Double)]

    /// Columns that mark demand-response event steps (1 inside an event), in the order
    /// looked for; the first present is used.
    static let eventColumns = ["dr_event_active", "in_dr_event", "in_event", "dr_event"]

    public init(folder: String) throws {
        let timeseriesFile = "\(folder)/timeseries.csv"
        let table = try CSVTable(
            contentsOf: URL(fileURLWithPath: timeseriesFile), displayName: timeseriesFile)
        times = try table.strings(column: "timestamp").enumerated().map { offset, text in
            guard let time = CivilTime(iso8601: text) else {
                throw StudyError.badTimeseries(
                    file: timeseriesFile, column: "timestamp",
                    detail: "row \(offset + 2) has '\(text)', not YYYY-MM-DDTHH:MM:SS")
            }
            return time
        }
        netLoadKW = try table.numbers(column: "net_load_kW")
        netLoadUncontrolledKW = try table.numbers(column: "net_load_uncontrolled_kW")
        batteryKW = try table.numbers(column: "battery_kW")
        evKW = try table.numbers(column: "ev_kW")
        shiftableKW = try table.numbers(column: "shiftable_kW")
        let shed = try table.numbers(column: "shed_kW")
        let rebound = try table.numbers(column: "rebound_kW")
        curtailmentKW = zip(rebound, shed).map { $0 - $1 }
        batteryEnergyKWh = try table.numbers(column: "battery_energy_kWh")
        evEnergyKWh = try table.numbers(column: "ev_energy_kWh")
        inPeakWindow = try table.numbers(column: "in_peak_window").map { $0 != 0 }
        if table.header.contains("battery_soc_mean_percent") {
            batterySOCBandPercent = (
                try table.numbers(column: "battery_soc_min_percent"),
                try table.numbers(column: "battery_soc_mean_percent"),
                try table.numbers(column: "battery_soc_max_percent"))
        } else {
            batterySOCBandPercent = nil
        }
        if table.header.contains("thermostatic_kW") {
            thermostaticKW = try table.numbers(column: "thermostatic_kW")
            indoorTemperatureBandC = (
                try table.numbers(column: "indoor_temperature_min_C"),
                try table.numbers(column: "indoor_temperature_mean_C"),
                try table.numbers(column: "indoor_temperature_max_C"))
        } else {
            thermostaticKW = nil
            indoorTemperatureBandC = nil
        }
        windKW = table.header.contains("wind_kW") ? try table.numbers(column: "wind_kW") : nil
        if let column = RunSeries.eventColumns.first(where: table.header.contains) {
            inEvent = try table.numbers(column: column).map { $0 != 0 }
        } else {
            inEvent = nil
        }
        unmetEnergyByVehicleKWh = try RunSeries.unmetByVehicle(file: "\(folder)/ev_sessions.csv")
    }

    private static func unmetByVehicle(
        file: String
    ) throws -> [(vehicle: String, unmetKWh: Double)] {
        guard FileManager.default.fileExists(atPath: file),
              let text = try? String(contentsOf: URL(fileURLWithPath: file), encoding: .utf8),
              text.split(separator: "\n").count > 1
        else { return [] }
        let table = try CSVTable(text: text, file: file)
        let vehicles = try table.strings(column: "vehicle")
        let unmet = try table.numbers(column: "unmet_energy_kWh")
        let departed = try table.numbers(column: "departed_within_horizon")
        var order: [String] = []
        var totals: [String: Double] = [:]
        for (index, vehicle) in vehicles.enumerated() {
            if totals[vehicle] == nil { order.append(vehicle) }
            totals[vehicle, default: 0] += departed[index] != 0 ? unmet[index] : 0
        }
        return order.map { ($0, totals[$0] ?? 0) }
    }

    /// Mean of `values` over the steps in the peak window (0 when there are none).
    func peakWindowMean(_ values: [Double]) -> Double {
        let chosen = zip(values, inPeakWindow).filter(\.1).map(\.0)
        return chosen.isEmpty ? 0 : chosen.reduce(0, +) / Double(chosen.count)
    }
}
