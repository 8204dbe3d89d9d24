/// Helpers for spreading a site-level target over many assets.
enum FleetShare {
    /// Splits `totalKW` over assets with the given power ranges so that every share stays in
    /// its range and the shares add to `totalKW` clipped to what the fleet can do.
    /// Each asset takes the same fraction of its headroom in the direction of the target.
    static func split(_ totalKW: Double, ranges: [ClosedRange<Double>]) -> [Double] {
        let floors = ranges.map { min(max(0, $0.lowerBound), $0.upperBound) }
        let forced = floors.reduce(0, +)
        if totalKW >= 0 {
            let room = ranges.map { max(0, $0.upperBound) }
            let extra = room.reduce(0, +) - forced
            let fraction = extra > 0 ? min(1, max(0, totalKW - forced) / extra) : 0
            return zip(floors, room).map { floor, top in floor + fraction * (top - floor) }
        }
        let room = ranges.map { min(0, $0.lowerBound) }
        let available = -room.reduce(0, +)
        let fraction = available > 0 ? min(1, -totalKW / available) : 0
        return zip(ranges, room).map { range, bottom in
            range.lowerBound > 0 ? range.lowerBound : fraction * bottom
        }
    }
}

/// The daily peak-shaving threshold.
public enum PeakThreshold {
    /// The lowest level L ≥ 0 such that the energy of `load` above L, Σ max(0, load − L)·Δt,
    /// is at most `energyKWh`; found by bisection to 1e-9 of the load's range. A flat load
    /// gets a level below its minimum (the energy spread over the whole day).
    public static func level(load: [Double], stepHours: Double, energyKWh: Double) -> Double {
        guard var high = load.max(), let lowest = load.min() else { return .infinity }
        func excess(_ level: Double) -> Double {
            load.reduce(0) { $0 + max(0, $1 - level) * stepHours }
        }
        // Spread over every step, the energy lowers the load by at most this much; peak
        // shaving never aims below zero (it does not export to shave).
        var low = max(0, lowest - energyKWh / (stepHours * Double(load.count)))
        if excess(low) <= energyKWh { return low }
        let resolution = max(high - low, 1) * 1e-9
        while high - low > resolution {
            let middle = (low + high) / 2
            // At a city's load (1e7 kW) the resolution can be finer than the spacing of
            // doubles; stop when no number lies between the bounds.
            if middle <= low || middle >= high { break }
            if excess(middle) > energyKWh { low = middle } else { high = middle }
        }
        return high
    }
}

/// Valley filling: the level to raise a load to with a given energy.
public enum ValleyFill {
    /// The level λ at which Σ max(0, λ − load)·Δt equals `energyKWh`; found by bisection to
    /// 1e-9 of the search range. The load's minimum when there is no energy to place.
    public static func level(load: [Double], stepHours: Double, energyKWh: Double) -> Double {
        guard var low = load.min(), let top = load.max(), energyKWh > 0, stepHours > 0 else {
            return load.min() ?? 0
        }
        var high = top + energyKWh / (stepHours * Double(load.count))
        func filled(_ level: Double) -> Double {
            load.reduce(0) { $0 + max(0, level - $1) * stepHours }
        }
        let resolution = max(high - low, 1) * 1e-9
        while high - low > resolution {
            let middle = (low + high) / 2
            if middle <= low || middle >= high { break }  // no double between the bounds
            if filled(middle) < energyKWh { low = middle } else { high = middle }
        }
        return high
    }
}
