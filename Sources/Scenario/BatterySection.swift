import InputData
import Assets
import VPPCore

enum BatterySection {
    static let keys = [
        "id", "count", "agents", "energyCapacityKWh", "maxChargePowerKW", "maxDischargePowerKW",
        "chargeEfficiency", "dischargeEfficiency", "roundTripEfficiency", "minimumSOC",
        "maximumSOC",
        "initialSOC", "standingLossPerHour", "capacityFadePerFullCycle", "pairedWith", "source",
    ]

    /// `count` identical batteries as the population's agents, named `id-1 ... id-n` when
    /// there is more than one agent. The figures in the entry are those of one battery.
    static func read(
        _ reader: FieldReader, id: String, population: Population, grid: TimeGrid
    ) throws -> [BatterySpec] {
        let (charge, discharge) = try efficiencies(reader)
        let minimum = try reader.fraction("minimumSOC", default: 0)
        let maximum = try reader.fraction("maximumSOC", default: 1)
        guard minimum < maximum else {
            throw reader.inconsistency(
                "minimumSOC", "minimumSOC (\(formatNumber(minimum))) must be "
                    + "below maximumSOC (\(formatNumber(maximum)))")
        }
        let initial = try reader.fraction("initialSOC", default: (minimum + maximum) / 2)
        guard initial >= minimum, initial <= maximum else {
            throw reader.inconsistency(
                "initialSOC", "initialSOC (\(formatNumber(initial))) must lie "
                    + "within [minimumSOC, maximumSOC] = "
                    + "[\(formatNumber(minimum)), \(formatNumber(maximum))]")
        }
        let template = BatterySpec(
            id: id, energyCapacityKWh: try reader.positive("energyCapacityKWh"),
            maxChargePowerKW: try reader.positive("maxChargePowerKW"),
            maxDischargePowerKW: try reader.positive("maxDischargePowerKW"),
            chargeEfficiency: charge, dischargeEfficiency: discharge,
            minimumSOC: minimum, maximumSOC: maximum, initialSOC: initial,
            standingLossPerHour: try reader.fraction("standingLossPerHour", default: 0),
            capacityFadePerFullCycle: try reader.fraction("capacityFadePerFullCycle", default: 0))
        try checkSelfDischarge(template, reader: reader, grid: grid)
        return population.devicesPerAgent.enumerated().map { index, devices in
            var spec = template.representing(devices)
            spec.id = population.agentID(id, index: index)
            return spec
        }
    }

    /// Either both one-way efficiencies, or a round-trip figure split evenly (√η each way).
    private static func efficiencies(_ reader: FieldReader) throws -> (Double, Double) {
        if reader.has("roundTripEfficiency") {
            if reader.has("chargeEfficiency") || reader.has("dischargeEfficiency") {
                throw reader.inconsistency("roundTripEfficiency",
                    "give either roundTripEfficiency or chargeEfficiency and dischargeEfficiency, "
                        + "not both")
            }
            let oneWay = (try reader.efficiency("roundTripEfficiency")).squareRoot()
            return (oneWay, oneWay)
        }
        return (try reader.efficiency("chargeEfficiency", default: 1),
                try reader.efficiency("dischargeEfficiency", default: 1))
    }

    /// Self-discharge must be slower than the charger can make up, or the minimum SOC
    /// could not be held.
    private static func checkSelfDischarge(
        _ spec: BatterySpec, reader: FieldReader, grid: TimeGrid
    ) throws {
        let lossKW = spec.standingLossPerHour * spec.maximumEnergyKWh
        guard spec.standingLossPerHour * grid.stepHours < 1,
            lossKW <= spec.chargeEfficiency * spec.maxChargePowerKW else {
            throw reader.inconsistency("standingLossPerHour", "self-discharge of "
                + "\(formatNumber(spec.standingLossPerHour)) per hour loses up to \(lossKW) kW, "
                + "more than "
                + "the charger can replace; use a smaller loss")
        }
    }
}
