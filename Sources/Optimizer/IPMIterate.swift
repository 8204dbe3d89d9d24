/// The primal-dual point: `x`, row duals `y`, and the duals of the lower and
/// upper bounds (zero where the bound is infinite).
struct IPMIterate: Sendable {
    var x: [Double]
    var y: [Double]
    var zl: [Double]
    var zu: [Double]
}

/// A Newton direction for every part of the iterate.
struct IPMDirection {
    var dx: [Double]
    var dy: [Double]
    var dzl: [Double]
    var dzu: [Double]
}

/// Residuals, objectives and measures at one iterate.
struct IPMMeasures {
    /// `b - A x`.
    var primalResidual: [Double]
    /// `c + Q x - A'y - zl + zu`.
    var dualResidual: [Double]
    var primalObjective: Double
    var dualObjective: Double
    var relativePrimal: Double
    var relativeDual: Double
    var relativeGap: Double
    /// Average complementarity product, and the sum it averages.
    var mu: Double
    var complementarity = 0.0
    /// `c'x`, and the Farkas objective `b'y + l'zl - u'zu` of the duals.
    var linearObjective = 0.0
    var rayObjective = 0.0

    func meets(_ tolerance: Double) -> Bool {
        relativePrimal <= tolerance && relativeDual <= tolerance && relativeGap <= tolerance
    }
}

func infinityNorm(_ v: [Double]) -> Double {
    var m = 0.0
    for e in v { m = max(m, abs(e)) }
    return m
}

func dot(_ a: [Double], _ b: [Double]) -> Double {
    var s = 0.0
    for i in 0..<a.count { s += a[i] * b[i] }
    return s
}
