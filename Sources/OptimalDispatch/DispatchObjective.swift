/// The terms of the dispatch objective, each optional and weighted, in the tariff's currency.
///
///   minimise  Σ_t (import price · import_t − export price · export_t)·Δt      energy cost
///           + peakChargePerKW · max_t net_t                                     peak charge
///           + degradationCostPerKWh · Σ battery throughput                     degradation
///           + unmetEVPenaltyPerKWh · Σ unmet departure energy                   owners' loss
///           + curtailmentCostScale · Σ shed energy · the load's own cost        discomfort
///           + discomfortPenaltyPerDegreeHour · Σ comfort-band slack             comfort
///           + smoothingPerKW2 · Σ_t import_t²·Δt · (100 kW / S)                 smoothing
///           + shortfallPenaltyPerKWh · Σ target shortfall·Δt                    target mode
///           + 10 × the largest of the above · Σ battery end-of-window shortfall  storage kept
///             (`DispatchModel.terminalShortfallPenaltyPerKWh`)
public struct DispatchObjective: Sendable, Equatable {
    /// The site size at which `smoothingPerKW2` applies as given, kW.
    static let smoothingReferenceKW = 100.0
    /// Price of a kWh of demand a grid connection's import limit leaves unserved, in the
    /// plan: a value of lost load far above any tariff, so a plan sheds load only when no
    /// asset can avoid it (an assumption; not a scenario setting).
    static let unservedPenaltyPerKWh = 1000.0
    public var peakChargePerKW: Double
    public var degradationCostPerKWh: Double
    public var unmetEVPenaltyPerKWh: Double
    public var curtailmentCostScale: Double
    /// Price of a degree-hour a cooled zone would spend outside its comfort band; high, so
    /// the band binds whenever the units can hold it. 100 per degree-hour is an assumption:
    /// hundreds of times the energy a degree of a building's stored cold costs.
    public var discomfortPenaltyPerDegreeHour: Double
    /// A small quadratic weight that spreads load evenly over hours of equal price instead of
    /// bunching it at the first cheap hour; 1e-4 per kW² per hour changes the cost of the
    /// default scenario by well under 0.1 %. It is the weight at a site whose largest figure
    /// S (load in kW or storage in kWh) is 100; elsewhere it is scaled by 100 kW / S, so
    /// that the term grows like the energy cost when a site is scaled up and an agent for K
    /// homes plans K times what one home plans.
    public var smoothingPerKW2: Double
    /// Target mode: hold net load at or below (1 − fraction) × the reference peak inside the
    /// peak window. Nil turns it off.
    public var peakTarget: PeakTarget?

    public init(
        peakChargePerKW: Double = 0, degradationCostPerKWh: Double = 0,
        unmetEVPenaltyPerKWh: Double = 10, curtailmentCostScale: Double = 1,
        smoothingPerKW2: Double = 1e-4, peakTarget: PeakTarget? = nil,
        discomfortPenaltyPerDegreeHour: Double = 100
    ) {
        self.peakChargePerKW = peakChargePerKW
        self.degradationCostPerKWh = degradationCostPerKWh
        self.unmetEVPenaltyPerKWh = unmetEVPenaltyPerKWh
        self.curtailmentCostScale = curtailmentCostScale
        self.smoothingPerKW2 = smoothingPerKW2
        self.peakTarget = peakTarget
        self.discomfortPenaltyPerDegreeHour = discomfortPenaltyPerDegreeHour
    }
}

/// "Net load at most (1 − reductionFraction) × referencePeakKW inside the peak window."
public struct PeakTarget: Sendable, Equatable {
    public var reductionFraction: Double
    /// Cost per kWh of net load above the cap; high, so the cap binds whenever the fleet can
    /// hold it, yet finite, so an infeasible target still gives a plan and a shortfall.
    public var shortfallPenaltyPerKWh: Double
    /// The uncontrolled run's peak, set by the caller before the run.
    public var referencePeakKW: Double

    public init(
        reductionFraction: Double = 0.05, shortfallPenaltyPerKWh: Double = 1000,
        referencePeakKW: Double = 0
    ) {
        self.reductionFraction = reductionFraction
        self.shortfallPenaltyPerKWh = shortfallPenaltyPerKWh
        self.referencePeakKW = referencePeakKW
    }

    public var capKW: Double { (1 - reductionFraction) * referencePeakKW }
}
