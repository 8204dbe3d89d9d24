import Engine
import VPPCore

/// One value of the summary, with its unit ("" for names and counts).
public struct SummaryField: Sendable, Equatable {
    public enum Value: Sendable, Equatable {
        case text(String)
        case integer(Int)
        case number(Double)
    }

    public let key: String
    public let value: Value
    public let unit: String

    public init(key: String, value: Value, unit: String) {
        self.key = key
        self.value = value
        self.unit = unit
    }

    /// The column name in summary.csv: the key with its unit appended.
    public var columnName: String { unit.isEmpty ? key : "\(key)_\(unit)" }
}

/// The key figures of a run, measured against the uncontrolled run of the same scenario.
public struct RunSummary: Sendable {
    public let fields: [SummaryField]

    public init(
        result: SimulationResult, reference: SimulationResult, version: String,
        capability: CapabilitySummary? = nil, extra: [SummaryField] = []
    ) {
        let hours = result.grid.stepHours
        let peak = result.peakNetLoadKW
        let referencePeak = reference.peakNetLoadKW
        let reduction = referencePeak - peak
        let money = "\(result.currency)"
        let departed = result.sessionOutcomes.filter(\.departedWithinHorizon)
        func number(_ key: String, _ value: Double, _ unit: String) -> SummaryField {
            SummaryField(key: key, value: .number(value), unit: unit)
        }
        var fields = [
            SummaryField(key: "scenario", value: .text(result.scenarioName), unit: ""),
            SummaryField(key: "strategy", value: .text(result.strategyName), unit: ""),
            SummaryField(key: "seed", value: .integer(Int(result.seed)), unit: ""),
            SummaryField(key: "start", value: .text(result.grid.start.description), unit: ""),
            SummaryField(key: "end", value: .text(result.grid.end.description), unit: ""),
            SummaryField(key: "step", value: .integer(result.grid.stepMinutes), unit: "min"),
            number("peak_uncontrolled", referencePeak, "kW"),
            number("peak", peak, "kW"),
            SummaryField(
                key: "peak_time",
                value: .text(result.grid.time(ofStep: result.peakNetLoadStep).description),
                unit: ""),
            number("peak_reduction", reduction, "kW"),
            number(
                "peak_reduction", referencePeak > 0 ? 100 * reduction / referencePeak : 0,
                "percent"),
            number("energy_cost_uncontrolled", reference.energyCost, money),
            number("energy_cost", result.energyCost, money),
            number("energy_cost_change", result.energyCost - reference.energyCost, money),
            number("imported_energy", result.importedEnergyKWh, "kWh"),
            number("exported_energy", result.exportedEnergyKWh, "kWh"),
            SummaryField(
                key: "ev_sessions", value: .integer(departed.reduce(0) { $0 + $1.devices }),
                unit: ""),
            SummaryField(
                key: "ev_sessions_with_unmet_energy",
                value: .integer(result.sessionsWithUnmetEnergy), unit: ""),
            number("ev_unmet_energy", result.unmetEVEnergyKWh, "kWh"),
            number("ev_unmet_energy_uncontrolled", reference.unmetEVEnergyKWh, "kWh"),
            number(
                "ev_charged_energy", result.records.reduce(0) { $0 + $1.evChargingKW * hours },
                "kWh"),
            number(
                "ev_v2g_energy", result.records.reduce(0) { $0 + $1.evDischargingKW * hours },
                "kWh"),
            number("battery_throughput", result.batteryThroughputKWh, "kWh"),
            number("battery_energy_change", result.batteryEnergyChangeKWh, "kWh"),
            number("battery_equivalent_full", equivalentCycles(result), "cycles"),
            number("battery_capacity_fade", result.batteryCapacityFadeKWh, "kWh"),
            number("curtailed_energy", result.curtailedEnergyKWh, "kWh"),
            number("rebound_energy", result.reboundEnergyKWh, "kWh"),
            number(
                "rebound_energy_owed_at_end",
                result.curtailableLoads.reduce(0) { $0 + $1.owedReboundKWh }, "kWh"),
            number("curtailment_cost", result.curtailmentCost, money),
            number("shifted_energy", result.shiftedEnergyKWh, "kWh"),
            number("shiftable_energy_unfinished", result.unfinishedShiftableEnergyKWh, "kWh"),
        ]
        if result.gridConnection.isLimited {
            fields += [
                number("unserved_energy", result.unservedEnergyKWh, "kWh"),
                number("unserved_energy_uncontrolled", reference.unservedEnergyKWh, "kWh"),
                number("curtailed_generation", result.curtailedGenerationKWh, "kWh"),
                number("curtailed_generation_uncontrolled", reference.curtailedGenerationKWh,
                       "kWh"),
            ]
        }
        if result.hasWindFarms {
            fields.append(number(
                "wind_energy", result.records.reduce(0) { $0 + $1.windKW * hours }, "kWh"))
        }
        if !result.thermostaticLoads.isEmpty {
            fields += thermostaticFields(result: result, reference: reference)
        }
        fields += capability?.fields(result: result, reference: reference) ?? []
        fields += extra
        fields.append(SummaryField(key: "vppsim_version", value: .text(version), unit: ""))
        self.fields = fields
    }

    public func field(_ columnName: String) -> SummaryField? {
        fields.first { $0.columnName == columnName }
    }
}

private func equivalentCycles(_ result: SimulationResult) -> Double {
    let capacity = result.batteries.reduce(0) { $0 + $1.spec.energyCapacityKWh }
    return capacity > 0 ? result.batteryThroughputKWh / (2 * capacity) : 0
}

/// Cooling figures, only for scenarios with thermostatic loads (so other summaries keep
/// their columns): energy, peak-window power, indoor temperatures and discomfort.
private func thermostaticFields(
    result: SimulationResult, reference: SimulationResult
) -> [SummaryField] {
    func number(_ key: String, _ value: Double, _ unit: String) -> SummaryField {
        SummaryField(key: key, value: .number(value), unit: unit)
    }
    let records = result.records
    let count = Double(max(1, records.count))
    return [
        number("thermostatic_energy", result.thermostaticEnergyKWh, "kWh"),
        number("thermostatic_energy_uncontrolled", reference.thermostaticEnergyKWh, "kWh"),
        number(
            "indoor_temperature_min", records.map(\.indoorTemperatureMinimumC).min() ?? 0, "C"),
        number(
            "indoor_temperature_mean",
            records.reduce(0) { $0 + $1.indoorTemperatureMeanC } / count, "C"),
        number(
            "indoor_temperature_max", records.map(\.indoorTemperatureMaximumC).max() ?? 0, "C"),
        number("discomfort", result.discomfortDegreeHours, "degree_hours"),
        number("discomfort_uncontrolled", reference.discomfortDegreeHours, "degree_hours"),
    ]
}
