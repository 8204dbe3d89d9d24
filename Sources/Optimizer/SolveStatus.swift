/// How a solve ended: solved, stopped, or failed.
public enum SolveStatus: String, Sendable, Equatable {
    /// All residuals and the gap are within the tolerances.
    case optimal
    /// Stopped early, but residuals and gap are within `reducedAccuracyTolerance`.
    case optimalReducedAccuracy
    /// No point satisfies the rows and bounds; see `SolveResult.infeasibility`.
    case primalInfeasible
    /// The objective decreases without bound along a feasible ray.
    case dualInfeasible
    /// `maxIterations` reached without meeting any tolerance.
    case iterationLimit
    /// The linear algebra failed even with increased regularization, or the iterates stalled.
    case numericalFailure

    /// True for `optimal` and `optimalReducedAccuracy`.
    public var hasSolution: Bool { self == .optimal || self == .optimalReducedAccuracy }

    /// One sentence for a user.
    public var sentence: String { sentence(maximizing: false) }

    /// One sentence for a user, for a problem that maximizes when `maximizing`.
    public func sentence(maximizing: Bool) -> String {
        switch self {
        case .optimal: return "Solved to the requested accuracy."
        case .optimalReducedAccuracy: return "Solved, but only to the reduced accuracy."
        case .primalInfeasible: return "The problem is infeasible: no point meets every constraint."
        case .dualInfeasible:
            return "The problem is unbounded: the objective can "
                + (maximizing ? "increase" : "decrease") + " forever."
        case .iterationLimit: return "Stopped at the iteration limit without a solution."
        case .numericalFailure: return "Stopped by a numerical failure in the linear algebra."
        }
    }
}
