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

    /// The farm and its output on `grid`, kW.
    static func read(
        _ reader: FieldReader, id: String, grid: TimeGrid, files: DataFiles
    ) throws -> (spec: WindFarmSpec, outputKW: [Double]) {
        let speedReader = try reader.object("windSpeed", allowed: windSpeedKeys)
        let speeds = try files.profile(speedReader, grid: grid)
        if let step = speeds.firstIndex(where: { !($0 >= 0 && $0 <= fastestWindMPerS) }) {
            throw speedReader.inconsistency("column", "the wind speed at "
                + "\(grid.time(ofStep: step)) is \(formatNumber(speeds[step])) m/s; allowed: 0 "
                + "to \(formatNumber(fastestWindMPerS)) m/s (is the column in m/s?)")
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
        return (spec, speeds.map { spec.outputKW(measuredSpeedMPerS: $0) })
    }

    private static func turbine(_ reader: FieldReader) throws -> WindTurbineSpec {
        let spec = WindTurbineSpec(
            ratedPowerKW: try reader.positive("ratedPowerKW", maximum: 100_000),
            cutInSpeedMPerS: try reader.number(
                "cutInSpeedMPerS", in: 0...fastestWindMPerS, allowed: "a speed of 0 to 120 m/s"),
            ratedSpeedMPerS: try reader.positive("ratedSpeedMPerS", maximum: fastestWindMPerS),
            cutOutSpeedMPerS: try reader.positive("cutOutSpeedMPerS", maximum: fastestWindMPerS))
        guard spec.cutInSpeedMPerS < spec.ratedSpeedMPerS,
            spec.ratedSpeedMPerS <= spec.cutOutSpeedMPerS
        else {
            throw reader.inconsistency(
                "ratedSpeedMPerS", "the speeds must rise: cut-in "
                    + "\(formatNumber(spec.cutInSpeedMPerS)) < rated "
                    + "\(formatNumber(spec.ratedSpeedMPerS)) <= cut-out "
                    + "\(formatNumber(spec.cutOutSpeedMPerS)) m/s")
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
