/// Every tolerance and limit of the interior-point solver, in one place.
///
/// Residual tolerances are relative: the primal residual is divided by
/// `1 + ||b||_inf`, the dual one by `1 + ||c||_inf`, the gap by `1 + |objective|`.
/// Defaults were chosen by experiment on the hand tests and the generated
/// dispatch instances; `validate()` states each valid range.
public struct SolverSettings: Sendable, Equatable {
    /// Which KKT solver to use.
    public enum KKTPath: String, Sendable {
        /// Structured when the model declares blocks, general otherwise.
        case automatic
        /// Dense normal equations (BLAS-3 + LAPACK Cholesky); small problems of any shape.
        case general
        /// Block elimination with a Schur complement over the coupling rows.
        case structured
    }

    public var path = KKTPath.automatic
    /// Relative primal residual for "optimal"; range (0, 1e-2]. Default 1e-8.
    public var primalTolerance = 1e-8
    /// Relative dual residual for "optimal"; range (0, 1e-2]. Default 1e-8.
    public var dualTolerance = 1e-8
    /// Relative duality gap for "optimal"; range (0, 1e-2]. Default 1e-8.
    public var gapTolerance = 1e-8
    /// Looser tolerance for "optimal at reduced accuracy" when stopping early;
    /// range [each tolerance above, 1]. Default 1e-5.
    public var reducedAccuracyTolerance = 1e-5
    /// Ratio of certificate residual to certificate objective below which a
    /// Farkas ray proves infeasibility; range (0, 1e-2]. Default 1e-8.
    public var infeasibilityTolerance = 1e-8
    /// Iteration limit; range [1, 10_000]. Default 200.
    public var maxIterations = 200
    /// Fraction of the distance to the boundary taken per step; range [0.5, 1). Default 0.995.
    public var stepFraction = 0.995
    /// Dual regularization added to the normal equations' diagonal; range [0, 1e-4].
    /// Default 1e-10 (relative to 1; problems are not scaled).
    public var dualRegularization = 1e-10
    /// Primal regularization for every variable; range [0, 1e-4]. Default 1e-10.
    public var primalRegularization = 1e-10
    /// Primal regularization for free variables (no finite bound); range (0, 1].
    /// Default 1e-7, chosen by experiment: smaller values lose accuracy in Cholesky.
    public var freeVariableRegularization = 1e-7
    /// Weight `gamma` of a primal regularization that fades with the complementarity:
    /// a variable with both bounds finite adds
    /// `gamma * ((x - l) zl + (u - x) zu) / (u - l)^2` to its entry of `H`. Range [0, 100].
    /// Default 6. The term is the variable's own complementarity over its squared width,
    /// so it vanishes as the method converges and the optimum is unchanged (residuals and
    /// gap are always measured on the model itself). It matters only for variables in the
    /// middle of their range, whose `H` is of the same size: dispatch models have wide
    /// optimal faces (energy moves between steps of equal price at no cost), Newton
    /// directions move such variables by up to three times their range, and a few of them,
    /// in different blocks each time, cut every step short, more often the more blocks.
    /// Chosen on the seeded dispatch instances (seeds 1 to 3, iterations summed over the
    /// seeds, gamma 0 / 4 / 6 / 8 / 12): 100 assets 100 / 94 / 96 / 102 / 104; 1,000 assets
    /// 116 / 107 / 109 / 109 / 120; 10,000 assets (gamma 0 / 4 / 6 / 8) 164 / 140 / 136 /
    /// 135. 0 turns it off.
    public var complementarityRegularization = 6.0
    /// Iterative refinement steps on each normal-equations solve; range [0, 10].
    /// Default 0: on the test and benchmark sets, refinement changed no outcome
    /// and cost up to 40% of the time. Raise it for badly scaled models.
    public var refinementSteps = 0
    /// Gondzio centrality correctors tried per iteration; range [0, 10]. Default 0:
    /// on dispatch instances each corrector saved fewer iterations than it cost
    /// (a corrector costs about as much as an iteration there).
    public var centralityCorrectors = 0
    /// Largest row count the general path accepts; its dense normal matrix
    /// takes 8 * rows^2 bytes (10,000 rows: 800 MB). Range [1, 100_000]. Default 10_000.
    public var maxGeneralPathRows = 10_000
    /// Threads for block loops, sparse products and elementwise kernels; range
    /// [1, 256]. Default 2 (the machines vppsim targets have two cores). Results
    /// do not depend on it: work is split into fixed chunks.
    public var threads = 2
    /// Merge blocks with identical data into one with a multiplicity. Default true.
    public var mergeIdenticalBlocks = true
    /// Record every iterate (for determinism checks); costs memory. Default false.
    public var recordIterates = false

    public init() {}

    /// Throws `SettingsError` naming the first setting outside its range.
    public func validate() throws {
        func check(_ ok: Bool, _ name: String, _ value: Double, _ range: String) throws {
            if !ok { throw SettingsError.outOfRange(setting: name, value: value, allowed: range) }
        }
        for (name, v) in [
            ("primalTolerance", primalTolerance), ("dualTolerance", dualTolerance),
            ("gapTolerance", gapTolerance), ("infeasibilityTolerance", infeasibilityTolerance),
        ] {
            try check(v > 0 && v <= 1e-2, name, v, "(0, 1e-2]")
        }
        let tightest = max(primalTolerance, dualTolerance, gapTolerance)
        try check(
            reducedAccuracyTolerance >= tightest && reducedAccuracyTolerance <= 1,
            "reducedAccuracyTolerance", reducedAccuracyTolerance, "[tolerances, 1]")
        try check(
            maxIterations >= 1 && maxIterations <= 10_000, "maxIterations",
            Double(maxIterations), "[1, 10000]")
        try check(stepFraction >= 0.5 && stepFraction < 1, "stepFraction", stepFraction, "[0.5, 1)")
        try check(
            dualRegularization >= 0 && dualRegularization <= 1e-4, "dualRegularization",
            dualRegularization, "[0, 1e-4]")
        try check(
            primalRegularization >= 0 && primalRegularization <= 1e-4, "primalRegularization",
            primalRegularization, "[0, 1e-4]")
        try check(
            complementarityRegularization >= 0 && complementarityRegularization <= 100,
            "complementarityRegularization", complementarityRegularization, "[0, 100]")
        try check(
            freeVariableRegularization > 0 && freeVariableRegularization <= 1,
            "freeVariableRegularization", freeVariableRegularization, "(0, 1]")
        try check(
            refinementSteps >= 0 && refinementSteps <= 10, "refinementSteps",
            Double(refinementSteps), "[0, 10]")
        try check(
            centralityCorrectors >= 0 && centralityCorrectors <= 10, "centralityCorrectors",
            Double(centralityCorrectors), "[0, 10]")
        try check(
            maxGeneralPathRows >= 1 && maxGeneralPathRows <= 100_000, "maxGeneralPathRows",
            Double(maxGeneralPathRows), "[1, 100000]")
        try check(threads >= 1 && threads <= 256, "threads", Double(threads), "[1, 256]")
    }
}

/// A setting outside its valid range.
public enum SettingsError: Error, Equatable, CustomStringConvertible {
    case outOfRange(setting: String, value: Double, allowed: String)

    public var description: String {
        switch self {
        case .outOfRange(let setting, let value, let allowed):
            return "solver setting \(setting) = \(value) is outside its valid range \(allowed)"
        }
    }
}
