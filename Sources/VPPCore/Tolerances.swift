/// Every numerical tolerance the simulator uses, in one place.
///
/// Each is an absolute tolerance in the unit named; they exist because sums of Double
/// values in a different order differ in the last bits, not to hide modelling error.
public enum Tolerances {
    /// Largest mismatch allowed when closing an energy balance over one step, in kWh.
    /// Chosen as ~1e9 times the rounding of a 1 MWh sum; far below any reported digit.
    public static let energyBalanceKWh = 1e-6

    /// Slack allowed on a state-of-charge bound, in kWh, for invariant checks.
    public static let stateOfChargeKWh = 1e-9

    /// Power below which a setpoint counts as zero, in kW (1 mW).
    public static let negligiblePowerKW = 1e-6

    /// A shed below this fraction of the largest shed allowed in its step (or below
    /// `negligiblePowerKW`) is no shed: the load pays back owed rebound in that step. An
    /// interior-point plan leaves such sheds where its optimum sheds nothing; measured up
    /// to 3e-7 of the range on the default scenario (1e-8 kW of 0.03 kW) and 1.2e-5 on the
    /// Shanghai studies (3.7e-3 kW of a 317 kW cooling load under `mpc`, Hengsha islanded),
    /// so the bound sits ten times above that. A shed this small (30 W of 300 kW) changes
    /// nothing else a run reports.
    public static let negligibleShedFraction = 1e-4

    /// Temperature difference below which two indoor temperatures count as equal, in °C:
    /// an excursion beyond a comfort band smaller than this is none (the band's edge
    /// reached through a computed power misses it in the last bits), and the invariant
    /// check compares a zone's temperature with its model's step to this.
    public static let temperatureC = 1e-9

    /// Planned target shortfall below which a step counts as meeting its cap, in kW (0.1 W);
    /// well above the interior-point optimiser's accuracy on the shortfall slack.
    public static let plannedShortfallKW = 1e-4

    /// Distance of a planned power from its limit within which the limit counts as reached,
    /// in kW (1 W); the interior-point optimiser stops about 1e-8 relative inside its bounds.
    public static let bindingLimitKW = 1e-3

    /// A capability within this fraction of the baseline's size of zero is zero: the
    /// optimiser solves to about 1e-9 relative, so at a city's 4e7 kW a capability of
    /// −0.001 kW is roundoff, not a fleet that raises the peak.
    public static let relativeCapability = 1e-9
}
