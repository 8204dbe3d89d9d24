import Assets
import Foundation
import InputData
import VPPCore

/// A fleet of vehicles whose sessions are sampled from the ElaadNL statistics.
enum EVFleetSection {
    static let keys = [
        "id", "count", "agents", "location", "statistics", "sessionModel", "models",
        "batteryCapacityKWh", "chargerMaxPowerKW", "chargerOptions",
        "v2gShare", "chargerMaxDischargePowerKW", "v2gMinimumSOC", "dailySessionProbability",
        "departureTargetSOC", "minimumArrivalSOC", "chargeEfficiency", "dischargeEfficiency",
        "source",
    ]

    static let sessionModelKeys = ["arrivalHour", "connectedHours", "energyKWh", "source"]
    static let distributionKeys = ["mean", "sd", "min", "max", "source"]
    static let chargerOptionKeys = ["maxPowerKW", "share", "source"]

    struct Settings {
        var location: ChargingLocation
        /// Charger power limits with their shares of the fleet.
        var chargerOptions: [(maxPowerKW: Double, share: Double)]
        /// V2G limit; nil means each vehicle's own charger limit.
        var chargerMaxDischargeKW: Double?
        var v2gShare: Double
        var v2gMinimumSOC: Double
        var dailySessionProbability: Double
        var targetSOC: Double
        var minimumArrivalSOC: Double
        var chargeEfficiency: Double
        var dischargeEfficiency: Double
    }

    /// Samples `population.agents` vehicles with their sessions, each then scaled to the
    /// number of real vehicles it stands for. With as many agents as vehicles, every vehicle
    /// is drawn on its own.
    static func read(
        _ reader: FieldReader, id: String, population: Population, grid: TimeGrid,
        seed: UInt64, files: DataFiles
    ) throws -> [(spec: ElectricVehicleSpec, sessions: [ChargingSession])] {
        let locationName = try reader.choice(
            "location", from: ChargingLocation.allCases.map(\.rawValue), default: "home")
        let chargers = try chargerOptions(reader)
        let settings = Settings(
            location: ChargingLocation(rawValue: locationName)!,
            chargerOptions: chargers,
            chargerMaxDischargeKW: reader.has("chargerMaxDischargePowerKW")
                ? try reader.positive("chargerMaxDischargePowerKW") : nil,
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
        let sampler = try sessionDistribution(reader, location: settings.location, files: files)
        let models = try vehicleModels(reader, files: files)
        var random = SeededRandom.stream(seed: seed, label: "ev-fleet:\(id)")
        return population.devicesPerAgent.enumerated().map { index, devices in
            let model = models[
                models.count == 1 ? 0 : random.nextIndex(weights: models.map(\.registrations))]
            let isV2G = random.nextUnit() < settings.v2gShare
            let charger = settings.chargerOptions.count == 1 ? settings.chargerOptions[0]
                : settings.chargerOptions[random.nextIndex(weights: chargers.map(\.share))]
            let spec = ElectricVehicleSpec(
                id: population.agentID(id, index: index), batteryCapacityKWh: model.batteryKWh,
                maxChargePowerKW: min(charger.maxPowerKW, model.maxACChargeKW),
                maxDischargePowerKW: isV2G
                    ? settings.chargerMaxDischargeKW ?? charger.maxPowerKW : 0,
                chargeEfficiency: settings.chargeEfficiency,
                dischargeEfficiency: settings.dischargeEfficiency,
                minimumSOCForDischarge: settings.v2gMinimumSOC, maximumSOC: 1)
            let sessions = sampleSessions(
                spec: spec, settings: settings, sampler: sampler, grid: grid, random: &random)
            return (spec.representing(devices), sessions.map { $0.representing(devices) })
        }
    }

    /// One charger limit (`chargerMaxPowerKW`) or a mix (`chargerOptions`, drawn by share).
    private static func chargerOptions(
        _ reader: FieldReader
    ) throws -> [(maxPowerKW: Double, share: Double)] {
        if try reader.exactlyOne("chargerMaxPowerKW", "chargerOptions", meanings: (
            "one charger limit for the whole fleet", "a list of {maxPowerKW, share}")) {
            return [(try reader.positive("chargerMaxPowerKW"), 1)]
        }
        let options = try reader.objects("chargerOptions", allowed: chargerOptionKeys).map {
            (maxPowerKW: try $0.positive("maxPowerKW"), share: try $0.fraction("share"))
        }
        guard !options.isEmpty else {
            throw reader.inconsistency("chargerOptions", "give at least one {maxPowerKW, share}")
        }
        let total = options.reduce(0) { $0 + $1.share }
        guard abs(total - 1) <= 1e-6 else {
            throw reader.inconsistency("chargerOptions", "the shares must add up to 1 within "
                + "1e-6 (they add up to \(formatNumber((total * 1e9).rounded() / 1e9)))")
        }
        return options
    }

    /// Measured ElaadNL statistics (`statistics`, a folder) or a parametric model
    /// (`sessionModel`: truncated normals for arrival hour, hours connected and energy).
    private static func sessionDistribution(
        _ reader: FieldReader, location: ChargingLocation, files: DataFiles
    ) throws -> any SessionDistribution {
        if try !reader.exactlyOne("statistics", "sessionModel", meanings: (
            "a folder of measured session statistics",
            "distributions of arrival hour, connected hours and energy")) {
            let model = try reader.object("sessionModel", allowed: sessionModelKeys)
            return ParametricSessions(
                arrivalHour: try distribution(model, "arrivalHour", within: 0...48),
                connectedHours: try distribution(model, "connectedHours", within: 0.25...168),
                energyKWh: try distribution(model, "energyKWh", within: 0...1000))
        }
        let statisticsPath = try reader.string("statistics")
        return try files.reading(field: reader.fieldPath("statistics")) {
            SessionSampler(statistics: try ElaadNLStatistics(
                directory: files.url(statisticsPath), label: statisticsPath, location: location))
        }
    }

    /// `{mean, sd, min, max}` with min <= mean <= max inside `bounds`.
    private static func distribution(
        _ parent: FieldReader, _ key: String, within bounds: ClosedRange<Double>
    ) throws -> TruncatedNormal {
        let reader = try parent.object(key, allowed: distributionKeys)
        let allowed = "a number from \(formatNumber(bounds.lowerBound)) to "
            + "\(formatNumber(bounds.upperBound))"
        let mean = try reader.number("mean", in: bounds, allowed: allowed)
        let minimum = try reader.number("min", in: bounds, allowed: allowed,
                                        default: bounds.lowerBound)
        let maximum = try reader.number("max", in: bounds, allowed: allowed,
                                        default: bounds.upperBound)
        guard minimum <= maximum else {
            throw reader.inconsistency("min", "min (\(formatNumber(minimum))) must not exceed "
                + "max (\(formatNumber(maximum)))")
        }
        guard minimum <= mean, mean <= maximum else {
            throw reader.inconsistency("mean", "must lie within [min, max] = "
                + "[\(formatNumber(minimum)), \(formatNumber(maximum))], "
                + "not \(formatNumber(mean))")
        }
        return TruncatedNormal(
            mean: mean, standardDeviation: try reader.nonNegative("sd"),
            minimum: minimum, maximum: maximum)
    }

    /// The vehicle models to draw from: the `models` table, weighted by registrations, or
    /// one model of `batteryCapacityKWh` whose charging the charger alone limits.
    private static func vehicleModels(
        _ reader: FieldReader, files: DataFiles
    ) throws -> [EVModelSpec] {
        if try !reader.exactlyOne("models", "batteryCapacityKWh", meanings: (
            "a vehicle table", "one vehicle size for the whole fleet")) {
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
    /// The energy asked for is capped at what fits between the minimum arrival SOC and the
    /// departure target, less what a stay begun before the horizon charged before it (at
    /// full power), and at what the charger can deliver in the stay's part in the horizon.
    static func sampleSessions(
        spec: ElectricVehicleSpec, settings: Settings, sampler: any SessionDistribution,
        grid: TimeGrid,
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
            let chargeRateKW = spec.maxChargePowerKW * spec.chargeEfficiency
            let deliverable = chargeRateKW * Double(departure - arrival) * grid.stepHours
            let wanted = min(
                draw.energyKWh, (settings.targetSOC - settings.minimumArrivalSOC) * capacity)
            // A stay that began before the horizon has charged since it arrived, as it would
            // uncontrolled (full power), so the horizon does not open with every such vehicle
            // drawing full power at once.
            let chargedBefore = min(wanted, chargeRateKW * max(0, -arrivalMinutes / 60))
            let requested = min(wanted - chargedBefore, deliverable)
            let target = settings.targetSOC * capacity
            sessions.append(ChargingSession(
                arrivalStep: arrival, departureStep: departure,
                arrivalEnergyKWh: target - requested, targetEnergyKWh: target))
        }
        return sessions
    }
}
