import InputData
import Assets
import VPPCore

enum BaseLoadSection {
    static let keys = ["id", "profile", "scale", "peakKW", "source"]

    /// Adds each base load (profile × scale) on `grid` into `total`. With `peakKW` instead of
    /// `scale`, the profile is scaled so that its highest value within `horizon` (the run's
    /// grid, which `grid` may precede) is `peakKW`: a load shape fitted to a measured peak.
    static func add(
        _ reader: FieldReader, into total: inout [Double], grid: TimeGrid, horizon: TimeGrid,
        files: DataFiles
    ) throws {
        let profile = try files.profile(
            reader.object("profile", allowed: DataFiles.profileKeys), grid: grid)
        try rejectNegative(profile, reader: reader, grid: grid, what: "load")
        let scale: Double
        if reader.has("peakKW") {
            guard !reader.has("scale") else {
                throw reader.inconsistency("peakKW", "give either 'scale' or 'peakKW', not both")
            }
            let onHorizon = horizon == grid ? profile : try files.profile(
                reader.object("profile", allowed: DataFiles.profileKeys), grid: horizon)
            let highest = onHorizon.max() ?? 0
            guard highest > 0 else {
                throw reader.inconsistency("peakKW", "the profile is zero throughout the "
                    + "horizon, so it cannot be scaled to a peak")
            }
            scale = try reader.positive("peakKW") / highest
        } else {
            scale = try reader.nonNegative("scale", default: 1)
        }
        for step in grid.steps { total[step] += profile[step] * scale }
    }
}

enum PVSection {
    static let keys = ["id", "profile", "capacityKWp", "source"]

    /// Adds each PV system's output (profile in kW per kWp × installed kWp) into `total`.
    static func add(
        _ reader: FieldReader, into total: inout [Double], grid: TimeGrid, files: DataFiles
    ) throws {
        let profile = try files.profile(
            reader.object("profile", allowed: DataFiles.profileKeys), grid: grid)
        let capacity = try reader.positive("capacityKWp")
        try rejectNegative(profile, reader: reader, grid: grid, what: "PV output")
        for step in grid.steps { total[step] += profile[step] * capacity }
    }
}

enum CurtailableLoadSection {
    static let keys = [
        "id", "count", "agents", "profile", "scale", "maxShedFraction", "costPerKWhShed",
        "reboundFraction", "reboundMaxPowerKW", "source",
    ]

    static func read(
        _ reader: FieldReader, id: String, grid: TimeGrid, files: DataFiles
    ) throws -> CurtailableLoadSpec {
        let profile = try files.profile(
            reader.object("profile", allowed: DataFiles.profileKeys), grid: grid)
        try rejectNegative(profile, reader: reader, grid: grid, what: "load")
        let scale = try reader.nonNegative("scale", default: 1)
        return CurtailableLoadSpec(
            id: id, demandKW: profile.map { $0 * scale },
            maxShedFraction: try reader.fraction("maxShedFraction"),
            costPerKWhShed: try reader.nonNegative("costPerKWhShed", default: 0),
            reboundFraction: try reader.fraction("reboundFraction", default: 0),
            reboundMaxPowerKW: try reader.positive(
                "reboundMaxPowerKW", default: .infinity))
    }
}

private func rejectNegative(
    _ profile: [Double], reader: FieldReader, grid: TimeGrid, what: String
) throws {
    if let step = profile.firstIndex(where: { $0 < 0 }) {
        throw reader.inconsistency("profile", "the \(what) at \(grid.time(ofStep: step)) is "
            + "\(profile[step]) kW; profiles must not be negative")
    }
}
