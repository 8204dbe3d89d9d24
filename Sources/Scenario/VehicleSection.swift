import InputData
import Assets
import VPPCore

/// One vehicle with sessions given in the scenario (for measured sessions or tests).
enum VehicleSection {
    static let keys = [
        "id", "batteryCapacityKWh", "maxChargePowerKW", "maxDischargePowerKW", "chargeEfficiency",
        "dischargeEfficiency", "v2gMinimumSOC", "sessions", "source",
    ]
    static let sessionKeys = ["arrival", "departure", "arrivalSOC", "targetSOC", "source"]

    static func read(
        _ reader: FieldReader, id: String, grid: TimeGrid
    ) throws -> (spec: ElectricVehicleSpec, sessions: [ChargingSession]) {
        let spec = ElectricVehicleSpec(
            id: id, batteryCapacityKWh: try reader.positive("batteryCapacityKWh"),
            maxChargePowerKW: try reader.positive("maxChargePowerKW"),
            maxDischargePowerKW: try reader.nonNegative("maxDischargePowerKW", default: 0),
            chargeEfficiency: try reader.efficiency("chargeEfficiency", default: 1),
            dischargeEfficiency: try reader.efficiency("dischargeEfficiency", default: 1),
            minimumSOCForDischarge: try reader.fraction("v2gMinimumSOC", default: 0.2),
            maximumSOC: 1)
        var sessions: [ChargingSession] = []
        for session in try reader.objects("sessions", allowed: sessionKeys) {
            let arrival = try time(session, "arrival", grid: grid)
            let departure = try time(session, "departure", grid: grid)
            guard departure > arrival else {
                throw session.inconsistency("departure", "must be at least one step after arrival")
            }
            if let previous = sessions.last, arrival < previous.departureStep {
                throw session.inconsistency(
                    "arrival", "overlaps the previous session; sessions must be "
                        + "in time order and not overlap")
            }
            let arrivalSOC = try session.fraction("arrivalSOC")
            let targetSOC = try session.fraction("targetSOC")
            sessions.append(ChargingSession(
                arrivalStep: arrival, departureStep: departure,
                arrivalEnergyKWh: arrivalSOC * spec.batteryCapacityKWh,
                targetEnergyKWh: targetSOC * spec.batteryCapacityKWh))
        }
        return (spec, sessions)
    }

    /// A timestamp on a step boundary inside the horizon, as a step index.
    private static func time(_ reader: FieldReader, _ key: String, grid: TimeGrid) throws -> Int {
        let text = try reader.string(key)
        let line = reader.value(key)?.line ?? reader.line
        guard let time = CivilTime(iso8601: text) else {
            throw ScenarioError.outOfRange(
                file: reader.file, field: reader.fieldPath(key), line: line,
                value: "\"\(text)\"", allowed: "a local time as YYYY-MM-DDTHH:MM:SS")
        }
        let minutes = time.minutesSinceEpoch - grid.start.minutesSinceEpoch
        guard minutes >= 0, time <= grid.end, minutes % grid.stepMinutes == 0 else {
            throw ScenarioError.outOfRange(
                file: reader.file, field: reader.fieldPath(key), line: line,
                value: "\"\(text)\"", allowed: "a step boundary from \(grid.start) to \(grid.end)")
        }
        return minutes / grid.stepMinutes
    }
}
