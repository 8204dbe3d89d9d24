import Assets
import InputData
import VPPCore

/// The `thermostaticLoads` section: cooled building zones (1R1C thermal model, air
/// conditioner, comfort band). An entry with `count` K is one load with K times the power
/// and capacitance and 1/K of the resistance, which behaves exactly like K identical zones.
///
/// Internal and solar heat gains Q (kW, constant) enter as an equivalent outdoor
/// temperature T_out + R·Q: C·dT/dt = (T_out − T)/R + Q − COP·P is the same equation with
/// that temperature, so the asset model keeps its one driving series. A gain that varies
/// over the day would need its own profile; a constant is what the section offers now.
enum ThermostaticLoadSection {
    static let keys = [
        "id", "count", "thermalResistanceCPerKW", "thermalCapacitanceKWhPerC",
        "coefficientOfPerformance", "maxPowerKW", "minimumTemperatureC", "maximumTemperatureC",
        "setpointC", "initialTemperatureC", "outdoorTemperature", "internalGainKW", "source",
    ]

    /// Indoor and outdoor temperatures beyond these are typing mistakes (°C).
    static let temperatureRangeC = -60.0...60.0
    static let temperatureWords = "a temperature from -60 to 60 °C"
    /// A coefficient of performance above 20 is beyond any air conditioner built.
    static let largestCOP = 20.0

    static func read(
        _ reader: FieldReader, id: String, count: Int, grid: TimeGrid, files: DataFiles
    ) throws -> ThermostaticLoadSpec {
        let outdoor = try files.profile(
            reader.object("outdoorTemperature", allowed: DataFiles.profileKeys), grid: grid)
        if let step = outdoor.firstIndex(where: { !temperatureRangeC.contains($0) }) {
            throw reader.inconsistency("outdoorTemperature", "the outdoor temperature at "
                + "\(grid.time(ofStep: step)) is \(formatNumber(outdoor[step])) °C; "
                + "allowed: \(temperatureWords)")
        }
        let minimum = try temperature(reader, "minimumTemperatureC")
        let maximum = try temperature(reader, "maximumTemperatureC")
        guard minimum < maximum else {
            throw reader.inconsistency("minimumTemperatureC", "minimumTemperatureC "
                + "(\(formatNumber(minimum))) must be below maximumTemperatureC "
                + "(\(formatNumber(maximum)))")
        }
        let setpoint = try temperature(reader, "setpointC")
        guard setpoint >= minimum, setpoint <= maximum else {
            throw reader.inconsistency("setpointC", "setpointC (\(formatNumber(setpoint))) "
                + "must lie within [minimumTemperatureC, maximumTemperatureC] = "
                + "[\(formatNumber(minimum)), \(formatNumber(maximum))]")
        }
        let resistance = try reader.positive("thermalResistanceCPerKW")
        let gainC = resistance * (try reader.nonNegative("internalGainKW", default: 0))
        let one = ThermostaticLoadSpec(
            id: id, thermalResistanceCPerKW: resistance,
            thermalCapacitanceKWhPerC: try reader.positive("thermalCapacitanceKWhPerC"),
            coefficientOfPerformance: try reader.positive(
                "coefficientOfPerformance", maximum: largestCOP),
            maxPowerKW: try reader.positive("maxPowerKW"),
            minimumTemperatureC: minimum, maximumTemperatureC: maximum, setpointC: setpoint,
            initialTemperatureC: try temperature(reader, "initialTemperatureC", default: setpoint),
            outdoorTemperatureC: outdoor.map { $0 + gainC })
        return one.aggregated(count: count)
    }

    private static func temperature(
        _ reader: FieldReader, _ key: String, default fallback: Double? = nil
    ) throws -> Double {
        try reader.number(key, in: temperatureRangeC, allowed: temperatureWords, default: fallback)
    }
}
