import Assets
import InputData
import VPPCore

/// `windFarms`: wind farms driven by a measured wind speed series, and the pairing of a
/// battery with one of them (`batteries[].pairedWith`).
enum WindFarmSection {
    static let keys = [
        "id", "turbineCount", "turbine", "hubHeightM", "windSpeed", "shearExponent",
        "lossFraction", "source",
    ]
    static let turbineKeys = [
        "ratedPowerKW", "cutInSpeedMPerS", "ratedSpeedMPerS", "cutOutSpeedMPerS", "source",
    ]
    static let windSpeedKeys = DataFiles.profileKeys + ["heightM"]
    static let pairingKeys = ["windFarm", "sharedConnectionKW", "source"]

    /// The fastest wind any measured series holds, m/s: the world record gust is 113 m/s,
    /// so anything faster is a unit mistake (km/h or knots).
    static let fastestWindMPerS = 120.0

    /// Above this mean over a whole series, m/s, the speeds are probably in km/h or knots:
    /// the windiest offshore sites average about 10-11 m/s at hub height, less near ground.
    static let implausibleMeanSpeedMPerS = 15.0

    /// The farm and its output on `grid`, kW.
    static func read(
        _ reader: FieldReader, id: String, grid: TimeGrid, files: DataFiles
    ) throws -> (spec: WindFarmSpec, outputKW: [Double]) {
        let speedReader = try reader.object("windSpeed", allowed: windSpeedKeys)
        // The power curve is applied to each reading, then the power is averaged over the
        // steps: averaging speeds first would turn a calm half-hour and a storm half-hour
        // into a rated hour.
        let speeds = try files.series(speedReader)
        if let index = speeds.values.firstIndex(where: { !($0 >= 0 && $0 <= fastestWindMPerS) }) {
            let time = speeds.start.adding(minutes: index * speeds.intervalMinutes)
            throw speedReader.inconsistency("column", "the wind speed at \(time) is "
                + "\(formatNumber(speeds.values[index])) m/s; allowed: 0 "
                + "to \(formatNumber(fastestWindMPerS)) m/s (is the column in m/s?)")
        }
        let meanSpeed = speeds.values.reduce(0, +) / Double(max(1, speeds.values.count))
        if meanSpeed > implausibleMeanSpeedMPerS {
            Logger(subsystem: "scenario").warning(
                "\(speedReader.fieldPath("column")): the wind speeds average "
                    + "\(formatNumber(meanSpeed)) m/s, more than any site's; the farm's output "
                    + "assumes m/s (is the column in km/h or knots?)")
        }
        let spec = WindFarmSpec(
            id: id, turbine: try turbine(reader.object("turbine", allowed: turbineKeys)),
            turbineCount: try reader.integer("turbineCount", in: 1...100_000),
            hubHeightM: try reader.positive("hubHeightM", maximum: 500),
            measurementHeightM: try speedReader.positive("heightM", maximum: 500),
            shearExponent: try reader.number(
                "shearExponent", in: 0...1, allowed: "a power-law exponent from 0 to 1 "
                    + "(about 0.1 over open sea, 0.14 in IEC 61400-3)"),
            lossFraction: try reader.number(
                "lossFraction", in: 0...0.99, allowed: "a fraction from 0 to 0.99",
                default: 0))
        let output = ProfileSeries(
            file: speeds.file, column: speeds.column, start: speeds.start,
            intervalMinutes: speeds.intervalMinutes,
            values: speeds.values.map { spec.outputKW(measuredSpeedMPerS: $0) })
        return (spec, try files.resampled(output, grid: grid, field: speedReader.path))
    }

    private static func turbine(_ reader: FieldReader) throws -> WindTurbineSpec {
        let spec = WindTurbineSpec(
            ratedPowerKW: try reader.positive("ratedPowerKW", maximum: 100_000),
            cutInSpeedMPerS: try reader.number(
                "cutInSpeedMPerS", in: 0...fastestWindMPerS, allowed: "a speed of 0 to 120 m/s"),
            ratedSpeedMPerS: try reader.positive("ratedSpeedMPerS", maximum: fastestWindMPerS),
            cutOutSpeedMPerS: try reader.positive("cutOutSpeedMPerS", maximum: fastestWindMPerS))
        let given = "cut-in \(formatNumber(spec.cutInSpeedMPerS)), rated "
            + "\(formatNumber(spec.ratedSpeedMPerS)) and cut-out "
            + "\(formatNumber(spec.cutOutSpeedMPerS)) m/s; allowed: cut-in < rated <= cut-out"
        guard spec.cutInSpeedMPerS < spec.ratedSpeedMPerS else {
            throw reader.inconsistency(
                "cutInSpeedMPerS", "the cut-in speed must be below the rated speed: \(given)")
        }
        guard spec.ratedSpeedMPerS <= spec.cutOutSpeedMPerS else {
            throw reader.inconsistency(
                "cutOutSpeedMPerS", "the cut-out speed must not be below the rated speed: "
                    + given)
        }
        return spec
    }

    /// A battery entry's `pairedWith`: the farm it shares a connection with and charges from.
    /// Checked: the farm exists and pairs with no other battery, the entry is one battery,
    /// and the connection carries the farm's full output.
    static func pairing(
        _ reader: FieldReader, devices: Int, farms: [WindFarmSpec], pairedAlready: [String]
    ) throws -> GenerationPairing {
        let farmID = try reader.string("windFarm")
        guard let index = farms.firstIndex(where: { $0.id == farmID }) else {
            throw reader.outOfRange(
                "windFarm", "\"\(farmID)\"", farms.isEmpty ? "the id of a wind farm in "
                    + "`windFarms`, which has none" : "the id of a wind farm in `windFarms`: "
                    + farms.map(\.id).joined(separator: ", "))
        }
        guard !pairedAlready.contains(farmID) else {
            throw reader.inconsistency(
                "windFarm", "'\(farmID)' is already paired with another battery; a farm "
                    + "pairs with one battery entry (give it the combined size)")
        }
        guard devices == 1 else {
            throw reader.inconsistency(
                "windFarm", "a paired entry must be one battery (count 1), not \(devices): "
                    + "the pairing limits are those of one site")
        }
        let farm = farms[index]
        let connection = try reader.positive("sharedConnectionKW")
        guard connection >= farm.maximumOutputKW * (1 - 1e-12) else {
            throw reader.inconsistency(
                "sharedConnectionKW", "\(formatNumber(connection)) kW is below what '\(farmID)' "
                    + "delivers at rated wind (\(formatNumber(farm.maximumOutputKW)) kW); "
                    + "curtailment at a shared connection is not modelled, so size it for "
                    + "the farm's full output")
        }
        return GenerationPairing(
            generatorID: farmID, generatorIndex: index, sharedConnectionKW: connection)
    }
}
