/// Settings of the rule-based peak-shaving strategy.
public struct RuleBasedSettings: Sendable, Equatable {
    /// Net-load level (kW) above which batteries discharge and loads are shed. When nil the
    /// strategy sets one threshold per day from the day's forecast of base load minus PV, at
    /// the level whose excess energy the batteries' usable energy can just cover.
    public var peakThresholdKW: Double?
    /// Shed curtailable loads only inside the scenario's peak window.
    public var curtailOnlyInPeakWindow: Bool

    public init(peakThresholdKW: Double? = nil, curtailOnlyInPeakWindow: Bool = true) {
        self.peakThresholdKW = peakThresholdKW
        self.curtailOnlyInPeakWindow = curtailOnlyInPeakWindow
    }
}
