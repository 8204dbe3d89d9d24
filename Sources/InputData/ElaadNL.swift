import Foundation
import VPPCore

/// Where a vehicle charges; selects the ElaadNL columns used.
public enum ChargingLocation: String, Sendable, CaseIterable {
    case home, `public`, workplace

    var arrivalColumn: String { self == .home ? "private" : rawValue }
    var exceedancePrefix: String { self == .home ? "private" : rawValue }
    var meanPrefix: String {
        switch self {
        case .home: "home"
        case .public: "public"
        case .workplace: "work"
        }
    }
}

/// An exceedance curve: at `percents[i]`, that share of sessions exceed `values[i]`.
public struct ExceedanceCurve: Sendable, Equatable {
    public let percents: [Double]
    public let values: [Double]

    /// The value exceeded by `percent` of sessions, interpolated linearly between rows.
    public func value(exceededBy percent: Double) -> Double {
        guard let upper = percents.firstIndex(where: { $0 >= percent }) else {
            return values.last ?? 0
        }
        guard upper > 0 else { return values[0] }
        let lower = upper - 1
        let weight = (percent - percents[lower]) / (percents[upper] - percents[lower])
        return values[lower] + weight * (values[upper] - values[lower])
    }

    /// The mean of the distribution: the curve integrated over its percent range by the
    /// trapezoidal rule, divided by that range.
    public var mean: Double {
        var area = 0.0
        for index in 1..<percents.count {
            area += (values[index] + values[index - 1]) / 2
                * (percents[index] - percents[index - 1])
        }
        return area / (percents.last! - percents.first!)
    }
}

/// The ElaadNL charging-session statistics for one location, as derived into
/// `scenarios/data/elaad/` (see SOURCES.md there).
public struct ElaadNLStatistics: Sendable {
    public let location: ChargingLocation
    /// Percent of arrivals in each 15-minute slot of the day (96 values); nil when the data
    /// has no arrivals of this location on such days (workplace at weekends).
    public let arrivalWeekdayPercent: [Double]
    public let arrivalWeekendPercent: [Double]?
    public let connectionHours: ExceedanceCurve
    public let energyKWh: ExceedanceCurve
    /// Mean connection time and energy for arrivals in each 30-minute slot (48 values).
    public let meanSessionHoursBySlot: [Double?]
    public let meanEnergyKWhBySlot: [Double?]

    /// Reads the derived tables from `directory`; `label` is how errors name the directory.
    public init(directory: URL, label: String, location: ChargingLocation) throws {
        func table(_ name: String) throws -> CSVTable {
            try CSVTable(
                contentsOf: directory.appendingPathComponent(name), displayName: "\(label)/\(name)")
        }
        self.location = location
        let weekday = try table("arrival_weekday_percent.csv")
        arrivalWeekdayPercent = try weekday.numbers(column: location.arrivalColumn)
        let weekend = try table("arrival_weekend_percent.csv")
        arrivalWeekendPercent = weekend.header.contains(location.arrivalColumn)
            ? try weekend.numbers(column: location.arrivalColumn) : nil
        let connection = try table("connection_time_h_exceedance.csv")
        connectionHours = ExceedanceCurve(
            percents: try connection.numbers(column: "percent_of_sessions"),
            values: try connection.numbers(column: "\(location.exceedancePrefix)_h"))
        let energy = try table("energy_demand_kWh_exceedance.csv")
        energyKWh = ExceedanceCurve(
            percents: try energy.numbers(column: "percent_of_sessions"),
            values: try energy.numbers(column: "\(location.exceedancePrefix)_kWh"))
        let means = try table("mean_by_arrival.csv")
        meanSessionHoursBySlot = try means.optionalNumbers(
            column: "\(location.meanPrefix)_session_h")
        meanEnergyKWhBySlot = try means.optionalNumbers(column: "\(location.meanPrefix)_energy_kWh")
        try validate(label: label)
    }

    private func validate(label: String) throws {
        let file = "\(label)/arrival_weekday_percent.csv"
        guard arrivalWeekdayPercent.count == 96,
            arrivalWeekendPercent.map({ $0.count == 96 }) ?? true else {
            throw InputDataError.malformedRow(
                file: file, row: 2, detail: "expected 96 rows of 15-minute slots")
        }
        let tables = [("weekday", arrivalWeekdayPercent), ("weekend", arrivalWeekendPercent ?? [1])]
        // Rows are numbered as in the file, the header being row 1.
        for (name, shares) in tables {
            let file = "\(label)/arrival_\(name)_percent.csv"
            if let bad = shares.firstIndex(where: { !($0 >= 0) }) {
                throw InputDataError.malformedRow(
                    file: file, row: bad + 2,
                    detail: "arrival share \(shares[bad]) of '\(location.arrivalColumn)' is "
                        + "negative; shares must be 0 or more")
            }
            guard shares.reduce(0, +) > 0 else {
                throw InputDataError.malformedRow(
                    file: file, row: 2,
                    detail: "every arrival share of '\(location.arrivalColumn)' is 0")
            }
        }
        for (name, curve) in [
            ("connection_time_h_exceedance.csv", connectionHours),
            ("energy_demand_kWh_exceedance.csv", energyKWh),
        ] {
            let (percents, values) = (curve.percents, curve.values)
            let rule = "an exceedance curve needs at least two rows with rising percents and "
                + "values of 0 or more that never rise"
            guard percents.count >= 2 else {
                throw InputDataError.malformedRow(file: "\(label)/\(name)", row: 2, detail: rule)
            }
            let bad = percents.indices.first { i in
                !(values[i] >= 0) || (i > 0 && !(percents[i] > percents[i - 1]))
                    || (i > 0 && values[i] > values[i - 1])
            }
            if let bad {
                throw InputDataError.malformedRow(
                    file: "\(label)/\(name)", row: bad + 2,
                    detail: "percent \(percents[bad]), value \(values[bad]): \(rule)")
            }
        }
        guard meanSessionHoursBySlot.count == 48 else {
            throw InputDataError.malformedRow(
                file: "\(label)/mean_by_arrival.csv", row: 2,
                detail: "expected 48 rows of 30-minute slots")
        }
        for means in [meanSessionHoursBySlot, meanEnergyKWhBySlot] {
            if let bad = means.firstIndex(where: { $0.map { !($0 >= 0) } ?? false }) {
                throw InputDataError.malformedRow(
                    file: "\(label)/mean_by_arrival.csv", row: bad + 2,
                    detail: "a mean of \(means[bad]!); mean session lengths and energies must "
                        + "be 0 or more")
            }
        }
    }
}

/// One sampled session before it meets a vehicle and the time grid.
public struct SampledSession: Sendable, Equatable {
    public var arrival: CivilTime
    public var connectionHours: Double
    public var energyKWh: Double
}

/// Draws charging sessions from the ElaadNL statistics.
///
/// Arrival: a 15-minute slot drawn with the weekday or weekend arrival shares, then a whole
/// minute uniformly within it. Connection time and energy: a draw from the location's
/// exceedance curve (inverse-transform sampling with a uniform percent), scaled by the ratio
/// of the mean for the arrival's 30-minute slot to the curve's overall mean. This keeps the
/// spread of the measured distribution and the way stays depend on arrival time (evening
/// arrivals at home stay overnight). Slots without a mean use the curve unscaled.
/// Energy and duration are drawn independently; their correlation is not in the data used.
public struct SessionSampler: SessionDistribution {
    public let statistics: ElaadNLStatistics

    public init(statistics: ElaadNLStatistics) {
        self.statistics = statistics
    }

    /// A session arriving on the day starting at `dayStart`, or nil when the location has
    /// no arrivals on such days.
    public func sample(dayStart: CivilTime, random: inout SeededRandom) -> SampledSession? {
        let weights = dayStart.isWeekend
            ? statistics.arrivalWeekendPercent : statistics.arrivalWeekdayPercent
        guard let weights else { return nil }
        let slot = random.nextIndex(weights: weights)
        let minute = Int(random.nextUnit() * 15)
        let arrival = dayStart.adding(minutes: slot * 15 + minute)
        let halfHour = slot / 2
        let connection = draw(
            statistics.connectionHours, mean: statistics.meanSessionHoursBySlot[halfHour], &random)
        let energy = draw(
            statistics.energyKWh, mean: statistics.meanEnergyKWhBySlot[halfHour], &random)
        return SampledSession(arrival: arrival, connectionHours: connection, energyKWh: energy)
    }

    private func draw(
        _ curve: ExceedanceCurve, mean: Double?, _ random: inout SeededRandom
    ) -> Double {
        let low = curve.percents.first!
        let high = curve.percents.last!
        let value = curve.value(exceededBy: low + random.nextUnit() * (high - low))
        guard let mean, curve.mean > 0 else { return value }
        return value * mean / curve.mean
    }
}

/// A vehicle model and how many are registered, from ElaadNL's EV specification tables.
public struct EVModelSpec: Sendable, Equatable {
    public var model: String
    public var registrations: Double
    public var batteryKWh: Double
    public var maxACChargeKW: Double
    public var maxACDischargeKW: Double

    public init(
        model: String, registrations: Double, batteryKWh: Double, maxACChargeKW: Double,
        maxACDischargeKW: Double
    ) {
        self.model = model
        self.registrations = registrations
        self.batteryKWh = batteryKWh
        self.maxACChargeKW = maxACChargeKW
        self.maxACDischargeKW = maxACDischargeKW
    }

    /// Reads `ev_specs.csv` or `ev_specs_v2g_2024.csv`.
    public static func read(url: URL, displayName: String) throws -> [EVModelSpec] {
        let table = try CSVTable(contentsOf: url, displayName: displayName)
        let models = try table.strings(column: "model")
        let registrations = try table.numbers(column: "registrations")
        let battery = try table.numbers(column: "battery_kWh")
        let charge = try table.numbers(column: "max_ac_charge_kW")
        let discharge = try table.numbers(column: "max_ac_discharge_kW")
        for row in models.indices {
            let wrong = [
                ("registrations", registrations[row], registrations[row] >= 0, "0 or more"),
                ("battery_kWh", battery[row], battery[row] > 0, "more than 0"),
                ("max_ac_charge_kW", charge[row], charge[row] > 0, "more than 0"),
                ("max_ac_discharge_kW", discharge[row], discharge[row] >= 0, "0 or more"),
            ].first { !$0.2 }
            if let (column, value, _, allowed) = wrong {
                throw InputDataError.malformedRow(
                    file: displayName, row: row + 2,
                    detail: "\(column) of '\(models[row])' is \(value); it must be \(allowed)")
            }
        }
        return models.indices.map {
            EVModelSpec(
                model: models[$0], registrations: registrations[$0], batteryKWh: battery[$0],
                maxACChargeKW: charge[$0], maxACDischargeKW: discharge[$0])
        }
    }
}
