/// What `solve` returns. Vectors are indexed like the model's variables and rows.
public struct SolveResult: Sendable {
    public var status: SolveStatus
    /// Primal values, one per model variable.
    public var x: [Double]
    /// Row duals (Lagrange multipliers), one per model row: d objective / d row bound.
    public var rowDuals: [Double]
    /// Reduced costs `c + Qx - A'y`, one per model variable.
    public var reducedCosts: [Double]
    /// Objective at `x`, including the model's constant.
    public var objective: Double
    /// Relative residuals and gap at the last iterate (see `SolverSettings`).
    public var primalResidual: Double
    public var dualResidual: Double
    public var relativeGap: Double
    public var iterations: Int
    /// Wall time of the solve in seconds.
    public var solveTimeSeconds: Double
    /// "general" or "structured (B blocks after merging, K coupling rows)".
    public var pathDescription: String
    /// For `primalInfeasible`: which blocks or coupling rows carry the certificate.
    public var infeasibility: InfeasibilityExplanation?
    /// Every iterate's primal vector, when `SolverSettings.recordIterates` is set.
    public var iterates: [[Double]] = []
}
