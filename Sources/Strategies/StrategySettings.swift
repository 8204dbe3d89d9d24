import OptimalDispatch

/// Everything a scenario says about its strategies; each strategy reads its own part.
public struct StrategySettings: Sendable, Equatable {
    public var ruleBased: RuleBasedSettings
    /// The objective of `optimal` and `mpc`.
    public var objective: DispatchObjective
    public var mpc: MPCSettings

    public init(
        ruleBased: RuleBasedSettings = RuleBasedSettings(),
        objective: DispatchObjective = DispatchObjective(),
        mpc: MPCSettings = MPCSettings()
    ) {
        self.ruleBased = ruleBased
        self.objective = objective
        self.mpc = mpc
    }
}

/// Settings of the receding-horizon strategy.
public struct MPCSettings: Sendable, Equatable {
    public var replanEveryMinutes: Int
    public var lookaheadHours: Double
    public var forecast: ForecastSettings

    public init(
        replanEveryMinutes: Int = 60, lookaheadHours: Double = 24,
        forecast: ForecastSettings = ForecastSettings()
    ) {
        self.replanEveryMinutes = replanEveryMinutes
        self.lookaheadHours = lookaheadHours
        self.forecast = forecast
    }
}
