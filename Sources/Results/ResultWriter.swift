import Engine
import Foundation
import VPPCore

/// Writes a run's result files. See docs/results.md for every column.
public enum ResultWriter {
    /// - Parameter extraColumns: further per-step columns (name with unit, one value per step);
    ///   a name ending in `_active` is a 0/1 flag and is written without decimals.
    public static func timeseriesCSV(
        result: SimulationResult, reference: SimulationResult, input: SimulationInput,
        extraColumns: [(name: String, values: [Double])] = []
    ) -> String {
        let money = result.currency
        let cooling = !input.thermostaticLoads.isEmpty
        let coolingNames = cooling ? [
            "thermostatic_kW", "indoor_temperature_min_C", "indoor_temperature_mean_C",
            "indoor_temperature_max_C", "discomfort_degree_hours",
        ] : []
        let limited = input.gridConnection.isLimited
        let gridNames = limited ? ["unserved_kW", "curtailed_generation_kW"] : []
        let wind = !input.windFarms.isEmpty
        let windNames = wind ? ["wind_kW"] : []
        var lines = [([
            "timestamp", "base_load_kW", "pv_kW", "ev_kW", "ev_charging_kW", "ev_v2g_kW",
            "battery_kW",
            "shiftable_kW",
            "curtailable_kW", "flexible_kW", "net_load_kW", "net_load_uncontrolled_kW",
            "import_price_\(money)_per_kWh", "export_price_\(money)_per_kWh", "battery_energy_kWh",
            "ev_energy_kWh", "ev_connected", "shed_kW", "rebound_kW", "in_peak_window",
            "battery_soc_min_percent", "battery_soc_mean_percent", "battery_soc_max_percent",
        ] + coolingNames + gridNames + windNames).joined(separator: ",")
            + extraColumns.map { ",\($0.name)" }.joined()]
        lines.reserveCapacity(result.records.count + 1)
        for (step, record) in result.records.enumerated() {
            let f = { (value: Double) in TextFormat.fixed(value) }
            let coolingValues = cooling ? [
                f(record.thermostaticKW), f(record.indoorTemperatureMinimumC),
                f(record.indoorTemperatureMeanC), f(record.indoorTemperatureMaximumC),
                f(record.discomfortDegreeHours),
            ] : []
            let gridValues = limited
                ? [f(record.unservedKW), f(record.curtailedGenerationKW)] : []
            let windValues = wind ? [f(record.windKW)] : []
            lines.append(([
                result.grid.time(ofStep: step).description, f(record.baseLoadKW), f(record.pvKW),
                f(record.evKW), f(record.evChargingKW), f(record.evDischargingKW),
                f(record.batteryKW), f(record.shiftableKW), f(record.curtailableKW),
                f(record.flexibleKW), f(record.netLoadKW), f(reference.records[step].netLoadKW),
                TextFormat.fixed(record.importPricePerKWh, decimals: 6),
                TextFormat.fixed(record.exportPricePerKWh, decimals: 6),
                f(record.batteryEnergyKWh), f(record.evEnergyKWh), String(record.evConnectedCount),
                f(record.shedKW), f(record.reboundKW), input.isInPeakWindow(step: step) ? "1" : "0",
                TextFormat.fixed(100 * record.batterySOCMinimum, decimals: 2),
                TextFormat.fixed(100 * record.batterySOCMean, decimals: 2),
                TextFormat.fixed(100 * record.batterySOCMaximum, decimals: 2),
            ] + coolingValues + gridValues + windValues).joined(separator: ",")
                + extraColumns.map { column in
                column.name.hasSuffix("_active")
                    ? ",\(Int(column.values[step]))" : ",\(f(column.values[step]))"
            }.joined())
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func sessionsCSV(result: SimulationResult) -> String {
        var lines = ["vehicle,arrival,departure,arrival_energy_kWh,target_energy_kWh,"
            + "departure_energy_kWh,unmet_energy_kWh,departed_within_horizon,devices"]
        for outcome in result.sessionOutcomes {
                let session = outcome.session
                lines.append([
                    outcome.vehicleID, result.grid.time(ofStep: session.arrivalStep).description,
                    result.grid.time(ofStep: session.departureStep).description,
                    TextFormat.fixed(session.arrivalEnergyKWh),
                    TextFormat.fixed(session.targetEnergyKWh),
                    TextFormat.fixed(outcome.departureEnergyKWh),
                    TextFormat.fixed(outcome.unmetEnergyKWh),
                    outcome.departedWithinHorizon ? "1" : "0", String(outcome.devices),
                ].joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    public static func summaryCSV(_ summary: RunSummary) -> String {
        let header = summary.fields.map(\.columnName).joined(separator: ",")
        let values = summary.fields.map { field -> String in
            switch field.value {
            case let .text(text): TextFormat.csvCell(text)
            case let .integer(value): String(value)
            case let .number(value): TextFormat.fixed(value)
            }
        }
        return header + "\n" + values.joined(separator: ",") + "\n"
    }

    /// A flat JSON object, keys in the order of the summary, with units in the key names.
    public static func summaryJSON(_ summary: RunSummary) -> String {
        let members = summary.fields.map { field -> String in
            let value: String
            switch field.value {
            case let .text(text): value = TextFormat.jsonString(text)
            case let .integer(number): value = String(number)
            case let .number(number): value = TextFormat.fixed(number)
            }
            return "  \(TextFormat.jsonString(field.columnName)): \(value)"
        }
        return "{\n" + members.joined(separator: ",\n") + "\n}\n"
    }

    /// The summary as aligned text for the terminal.
    public static func summaryTable(_ summary: RunSummary) -> String {
        let width = summary.fields.map(\.columnName.count).max() ?? 0
        return summary.fields.map { field in
            let name = field.columnName.padding(toLength: width, withPad: " ", startingAt: 0)
            let value: String
            switch field.value {
            case let .text(text): value = text
            case let .integer(number): value = String(number)
            case let .number(number): value = TextFormat.fixed(number, decimals: 2)
            }
            return "\(name)  \(value)"
        }.joined(separator: "\n") + "\n"
    }
}
