import Assets
import Foundation
import InputData
import VPPCore

/// A fleet of vehicles whose sessions are sampled from the ElaadNL statistics.
enum EVFleetSection {
    static let keys = [
        "id", "count", "location", "statistics", "models", "batteryCapacityKWh",
        "chargerMaxPowerKW",
        "v2gShare", "chargerMaxDischargePowerKW", "v2gMinimumSOC", "dailySessionProbability",
        "departureTargetSOC", "minimumArrivalSOC", "chargeEfficiency", "dischargeEfficiency",
        "source",
    ]

    struct Settings {
        var location: ChargingLocation
        var chargerMaxKW: Double
        var chargerMaxDischargeKW: Double
        var v2gShare: Double
        var v2gMinimumSOC: Double
        var dailySessionProbability: Double
        var targetSOC: Double
        var minimumArrivalSOC: Double
        var chargeEfficiency: Double
        var dischargeEfficiency: Double
    }

    static func read(
        _ reader: FieldReader, id: String, count: Int, grid: TimeGrid, seed: UInt64,
        files: DataFiles
    ) throws -> [(spec: ElectricVehicleSpec, sessions: [ChargingSession])] {
        let locationName = try reader.choice(
            "location", from: ChargingLocation.allCases.map(\.rawValue), default: "home")
        let charger = try reader.positive("chargerMaxPowerKW")
        let settings = Settings(
            location: ChargingLocation(rawValue: locationName)!,
            chargerMaxKW: charger,
            chargerMaxDischargeKW: try reader.positive(
                "chargerMaxDischargePowerKW", default: charger),
            v2gShare: try reader.fraction("v2gShare", default: 0),
            v2gMinimumSOC: try reader.fraction("v2gMinimumSOC", default: 0.2),
            dailySessionProbability: try reader.fraction("dailySessionProbability", default: 1),
            targetSOC: try reader.fraction("departureTargetSOC", default: 0.9),
            minimumArrivalSOC: try reader.fraction("minimumArrivalSOC", default: 0.1),
            chargeEfficiency: try reader.efficiency("chargeEfficiency", default: 1),
            dischargeEfficiency: try reader.efficiency("dischargeEfficiency", default: 1))
        guard settings.minimumArrivalSOC < settings.targetSOC else {
            throw reader.inconsistency("minimumArrivalSOC", "must be below departureTargetSOC "
                + "(\(formatNumber(settings.minimumArrivalSOC)) is not below "
                + "\(formatNumber(settings.targetSOC)))")
        }

        let statisticsPath = try reader.string("statistics")
        let statistics = try files.reading(field: reader.fieldPath("statistics")) {
            try ElaadNLStatistics(
                directory: files.url(statisticsPath), label: statisticsPath,
                location: settings.location)
        }
        let models = try vehicleModels(reader, files: files)
        var random = SeededRandom.stream(seed: seed, label: "ev-fleet:\(id)")
        let sampler = SessionSampler(statistics: statistics)
        return (1...count).map { index in
            let model = models[
                models.count == 1 ? 0 : random.nextIndex(weights: models.map(\.registrations))]
            let isV2G = random.nextUnit() < settings.v2gShare
            let spec = ElectricVehicleSpec(
                id: count == 1 ? id : "\(id)-\(index)", batteryCapacityKWh: model.batteryKWh,
                maxChargePowerKW: min(settings.chargerMaxKW, model.maxACChargeKW),
                maxDischargePowerKW: isV2G ? settings.chargerMaxDischargeKW : 0,
                chargeEfficiency: settings.chargeEfficiency,
                dischargeEfficiency: settings.dischargeEfficiency,
                minimumSOCForDischarge: settings.v2gMinimumSOC, maximumSOC: 1)
            let sessions = sampleSessions(
                spec: spec, settings: settings, sampler: sampler, grid: grid, random: &random)
            return (spec, sessions)
        }
    }

    /// The vehicle models to draw from: the `models` table, weighted by registrations, or
    /// one model of `batteryCapacityKWh` whose charging the charger alone limits.
    private static func vehicleModels(
        _ reader: FieldReader, files: DataFiles
    ) throws -> [EVModelSpec] {
        if reader.has("models") == reader.has("batteryCapacityKWh") {
            throw reader.inconsistency(
                "models", "give exactly one of 'models' (a vehicle table) or "
                    + "'batteryCapacityKWh' (one vehicle size for the whole fleet)")
        }
        if reader.has("batteryCapacityKWh") {
            return [EVModelSpec(
                model: "uniform", registrations: 1,
                batteryKWh: try reader.positive("batteryCapacityKWh"),
                maxACChargeKW: .greatestFiniteMagnitude, maxACDischargeKW: 0)]
        }
        let path = try reader.string("models")
        let models = try files.reading(field: reader.fieldPath("models")) {
            try EVModelSpec.read(url: files.url(path), displayName: path)
        }
        guard models.allSatisfy({
                  $0.batteryKWh > 0 && $0.maxACChargeKW > 0 && $0.registrations >= 0
              }),
              models.contains(where: { $0.registrations > 0 })
        else {
            throw reader.inconsistency("models", "\(path) needs positive battery_kWh and "
                + "max_ac_charge_kW on every row and at least one model with registrations")
        }
        return models
    }

    /// One draw per day (with probability `dailySessionProbability`), from the day before the
    /// horizon so that overnight stays already under way at the start are present. A session that
    /// would begin before the previous one ends is skipped: a vehicle is in one place at a time.
    /// The energy asked for is capped at what the charger can deliver in the stay and at what fits
    /// between the minimum arrival SOC and the departure target.
    static func sampleSessions(
        spec: ElectricVehicleSpec, settings: Settings, sampler: SessionSampler, grid: TimeGrid,
        random: inout SeededRandom
    ) -> [ChargingSession] {
        var sessions: [ChargingSession] = []
        let stepMinutes = Double(grid.stepMinutes)
        for day in (grid.start.dayNumber - 1)...grid.end.dayNumber {
            guard random.nextUnit() < settings.dailySessionProbability,
                  let draw = sampler.sample(
                      dayStart: CivilTime(minutesSinceEpoch: day * 1440), random: &random)
            else { continue }
            let arrivalMinutes = Double(
                draw.arrival.minutesSinceEpoch - grid.start.minutesSinceEpoch)
            let arrival = max(0, Int((arrivalMinutes / stepMinutes).rounded(.up)))
            let departure = Int(
                ((arrivalMinutes + draw.connectionHours * 60) / stepMinutes).rounded(.down))
            guard departure > arrival, arrival < grid.stepCount,
                  arrival >= (sessions.last?.departureStep ?? 0)
            else { continue }
            let capacity = spec.batteryCapacityKWh
            let deliverable = spec.maxChargePowerKW * spec.chargeEfficiency
                * Double(departure - arrival) * grid.stepHours
            let requested = min(
                draw.energyKWh, deliverable,
                (settings.targetSOC - settings.minimumArrivalSOC) * capacity)
            let target = settings.targetSOC * capacity
            sessions.append(ChargingSession(
                arrivalStep: arrival, departureStep: departure,
                arrivalEnergyKWh: target - requested, targetEnergyKWh: target))
        }
        return sessions
    }
}
