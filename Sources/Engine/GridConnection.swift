/// Limits on what a site may draw from and send to the grid, kW.
///
/// The physics enforces them after the assets have moved: demand above the import limit is
/// not served (load shedding, the site's loss) and net export above the export limit is
/// curtailed generation (PV spilled). A strategy that plans with the limits avoids both
/// where the assets allow; one that ignores them pays in unserved energy.
public struct GridConnection: Sendable, Equatable {
    public var importLimitKW: Double
    public var exportLimitKW: Double

    public init(importLimitKW: Double = .infinity, exportLimitKW: Double = .infinity) {
        precondition(importLimitKW >= 0 && exportLimitKW >= 0,
                     "GridConnection limits must not be negative")
        self.importLimitKW = importLimitKW
        self.exportLimitKW = exportLimitKW
    }

    /// Whether either limit is finite.
    public var isLimited: Bool { importLimitKW.isFinite || exportLimitKW.isFinite }

    /// The site's demand (base − PV + assets, kW) split into what crosses the connection,
    /// what is not served and what generation is curtailed.
    public func settle(demandKW: Double) -> (netKW: Double, unservedKW: Double,
                                             curtailedKW: Double) {
        if demandKW > importLimitKW {
            return (importLimitKW, demandKW - importLimitKW, 0)
        }
        if demandKW < -exportLimitKW {
            return (-exportLimitKW, 0, -exportLimitKW - demandKW)
        }
        return (demandKW, 0, 0)
    }
}
