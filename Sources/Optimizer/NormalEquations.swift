/// One interface for the KKT solution paths: after eliminating the bound
/// duals and `dx`, each Newton step needs the normal equations
///
///     (A diag(hInverse) A' + regularization I) dy = r
///
/// where `hInverse` holds `1 / (q + zl/(x-l) + zu/(u-x) + primal regularization)`.
protocol NormalEquationsSolver {
    /// Forms and factors the matrix for this iteration.
    mutating func factor(hInverse: [Double], regularization: Double) throws
    /// Overwrites `r` with the solution `dy`.
    mutating func solve(_ r: inout [Double]) throws
    /// "general" or "structured (...)", for reports.
    var pathDescription: String { get }
}
