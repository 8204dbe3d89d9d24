import Engine
import VPPCore

/// A metered load on a time grid: one average power per step, in kW.
///
/// Baselines read it by clock time; a time outside the grid, or not on a step boundary,
/// has no value (nil), and the caller reports that as missing history.
public struct LoadHistory: Sendable, Equatable {
    public let grid: TimeGrid
    public let loadKW: [Double]

    public init(grid: TimeGrid, loadKW: [Double]) {
        precondition(loadKW.count == grid.stepCount, "LoadHistory.loadKW should have "
            + "\(grid.stepCount) values (one per step), but has \(loadKW.count)")
        precondition(1440 % grid.stepMinutes == 0, "LoadHistory.grid.stepMinutes should divide "
            + "a day (1440 min), but is \(grid.stepMinutes)")
        self.grid = grid
        self.loadKW = loadKW
    }

    /// The step starting at `time`, if `time` is a step boundary inside the grid.
    public func step(at time: CivilTime) -> Int? {
        let offset = time.minutesSinceEpoch - grid.start.minutesSinceEpoch
        guard offset >= 0, offset % grid.stepMinutes == 0 else { return nil }
        let step = offset / grid.stepMinutes
        return step < grid.stepCount ? step : nil
    }

    /// The values of the steps covering [start, start + minutes), or nil when any of them
    /// is outside the grid or `start` is not a step boundary.
    public func values(from start: CivilTime, minutes: Int) -> [Double]? {
        guard minutes > 0, minutes % grid.stepMinutes == 0, let first = step(at: start)
        else { return nil }
        let count = minutes / grid.stepMinutes
        guard first + count <= grid.stepCount else { return nil }
        return Array(loadKW[first..<(first + count)])
    }

    /// The mean power over [start, start + minutes), in kW.
    public func meanKW(from start: CivilTime, minutes: Int) -> Double? {
        values(from: start, minutes: minutes).map(mean)
    }
}

extension LoadHistory {
    /// The site's net load of a run (imports positive), the load a programme meters.
    public init(netLoadOf result: SimulationResult) {
        self.init(grid: result.grid, loadKW: result.records.map(\.netLoadKW))
    }
}

func mean(_ values: [Double]) -> Double {
    values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
}
