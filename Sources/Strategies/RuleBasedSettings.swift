/// Settings of the rule-based peak-shaving strategy.
public struct RuleBasedSettings: Sendable, Equatable {
    /// Net-load level (kW) above which batteries discharge and loads are shed. When nil the
    /// strategy sets one threshold per day from the day's forecast of base load minus PV, at
    /// the level whose excess energy the batteries' usable energy can just cover.
    public var peakThresholdKW: Double?
    /// Shed curtailable loads only inside the scenario's peak window.
    public var curtailOnlyInPeakWindow: Bool
    /// Hours before the peak window (or a peak-shaving event) in which air conditioners
    /// pre-cool their zones toward the bottom of the comfort band. Two hours is an
    /// assumption: of the order of a commercial building's thermal time constant's share
    /// that pre-cooling studies use, and short enough not to make a new peak before it.
    public var preCoolHours: Double

    public init(
        peakThresholdKW: Double? = nil, curtailOnlyInPeakWindow: Bool = true,
        preCoolHours: Double = 2
    ) {
        self.peakThresholdKW = peakThresholdKW
        self.curtailOnlyInPeakWindow = curtailOnlyInPeakWindow
        self.preCoolHours = preCoolHours
    }
}
