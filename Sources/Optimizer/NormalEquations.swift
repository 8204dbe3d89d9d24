/// One interface for the KKT solution paths: after eliminating the bound
/// duals and `dx`, each Newton step needs the normal equations
///
///     (A diag(hInverse) A' + regularization I) dy = r
///
/// where `hInverse` holds `1 / (q + zl/(x-l) + zu/(u-x) + primal regularization)`.
protocol NormalEquationsSolver {
    /// Forms and factors the matrix for this iteration. A `relativeRegularization` ρ > 0
    /// also raises each diagonal entry by ρ times itself, taken before any elimination
    /// (for the structured path, before the Schur complement's subtraction): enough to
    /// keep pivots positive where the elimination cancels entries of very different sizes.
    mutating func factor(
        hInverse: [Double], regularization: Double, relativeRegularization: Double) throws
    /// Overwrites `r` with the solution `dy`.
    mutating func solve(_ r: inout [Double]) throws
    /// "general" or "structured (...)", for reports.
    var pathDescription: String { get }
}

extension NormalEquationsSolver {
    /// Forms and factors the matrix with the absolute regularization alone.
    mutating func factor(hInverse: [Double], regularization: Double) throws {
        try factor(hInverse: hInverse, regularization: regularization, relativeRegularization: 0)
    }
}
