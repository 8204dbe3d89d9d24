import Assets

extension Observation {
    /// Narrows the range of every asset not flagged in `flags` to the single value it runs
    /// at without control, so a strategy that keeps to the ranges plans around it.
    mutating func restrict(to flags: AssetFlags) {
        let fallback = Setpoints.uncontrolled(for: self)
        func pinned(
            _ ranges: [ClosedRange<Double>], _ values: [Double], _ assetClass: AssetClass
        ) -> [ClosedRange<Double>] {
            ranges.indices.map { index in
                guard !flags[assetClass, index] else { return ranges[index] }
                let value = ranges[index].clamp(values[index])
                return value...value
            }
        }
        batteryRangeKW = pinned(batteryRangeKW, fallback.batteryKW, .batteries)
        evRangeKW = pinned(evRangeKW, fallback.evKW, .evs)
        shiftableRangeKW = pinned(shiftableRangeKW, fallback.shiftableKW, .shiftableLoads)
        curtailableShedRangeKW = pinned(
            curtailableShedRangeKW, fallback.curtailmentShedKW, .curtailableLoads)
        thermostaticRangeKW = pinned(
            thermostaticRangeKW, fallback.thermostaticKW, .thermostaticLoads)
        controllable = flags
    }

    /// `setpoints` with the value of every asset the strategy does not control this step
    /// replaced by what it does without control: the rule every strategy obeys.
    public func enforcingParticipation(_ setpoints: Setpoints) -> Setpoints {
        guard let flags = controllable else { return setpoints }
        func kept(
            _ values: [Double], _ ranges: [ClosedRange<Double>], _ assetClass: AssetClass
        ) -> [Double] {
            values.indices.map { flags[assetClass, $0] ? values[$0] : ranges[$0].lowerBound }
        }
        return Setpoints(
            batteryKW: kept(setpoints.batteryKW, batteryRangeKW, .batteries),
            evKW: kept(setpoints.evKW, evRangeKW, .evs),
            shiftableKW: kept(setpoints.shiftableKW, shiftableRangeKW, .shiftableLoads),
            curtailmentShedKW: kept(
                setpoints.curtailmentShedKW, curtailableShedRangeKW, .curtailableLoads),
            thermostaticKW: kept(
                setpoints.thermostaticKW, thermostaticRangeKW, .thermostaticLoads))
    }

    /// Whether the strategy's setpoint for asset `index` of `assetClass` is applied now.
    public func controls(_ assetClass: AssetClass, _ index: Int) -> Bool {
        controllable.map { $0[assetClass, index] } ?? true
    }
}
