/// Mehrotra's starting point, adapted to bounds: least-norm primal and dual
/// estimates from one factorization of `A A'`, then shifted strictly inside
/// the bounds by amounts that balance the complementarity products.
extension IPMProblem {
    /// Least shift into the interior, so that no slack or dual starts at zero when
    /// the least-norm estimates are already interior (chosen by experiment).
    var minimumMargin: Double { 1e-2 }

    /// Regularization for the starting point's factorization of `A A'`, which has
    /// no interior-point scaling yet and can be singular (chosen by experiment).
    static let startRegularization = 1e-8

    func mehrotraStart(
        kkt: inout any NormalEquationsSolver, regularization: Double
    ) throws -> IPMIterate {
        let f = form
        try kkt.factor(hInverse: Array(repeating: 1, count: f.n), regularization: regularization)
        var w = f.b
        try kkt.solve(&w)
        var x = f.a.multiplyTransposed(w)
        var y = f.a.multiply(f.c)
        try kkt.solve(&y)
        // z = c - A'y, computed in the product's storage.
        var z = f.a.multiplyTransposed(y)
        for j in 0..<f.n { z[j] = f.c[j] - z[j] }

        // Slacks and bound duals before shifting, and Mehrotra's first shift.
        var minSlack = Double.infinity
        var minDual = Double.infinity
        for j in 0..<f.n {
            if hasLower[j] {
                minSlack = min(minSlack, x[j] - f.lower[j])
                minDual = min(minDual, z[j])
            }
            if hasUpper[j] {
                minSlack = min(minSlack, f.upper[j] - x[j])
                minDual = min(minDual, -z[j])
            }
        }
        if boundCount == 0 {
            return IPMIterate(
                x: x, y: y, zl: Array(repeating: 0, count: f.n),
                zu: Array(repeating: 0, count: f.n))
        }
        let shiftP = max(-1.5 * minSlack, 0)
        let shiftD = max(-1.5 * minDual, 0)

        // Second shift: half the average complementarity over the other side's sum.
        var product = 0.0
        var slackSum = 0.0
        var dualSum = 0.0
        for j in 0..<f.n {
            if hasLower[j] {
                let s = x[j] - f.lower[j] + shiftP
                let d = max(z[j], 0) + shiftD
                product += s * d
                slackSum += s
                dualSum += d
            }
            if hasUpper[j] {
                let s = f.upper[j] - x[j] + shiftP
                let d = max(-z[j], 0) + shiftD
                product += s * d
                slackSum += s
                dualSum += d
            }
        }
        let tiny = Double.leastNormalMagnitude
        let marginP = max(shiftP + 0.5 * product / max(dualSum, tiny), minimumMargin)
        let marginD = max(shiftD + 0.5 * product / max(slackSum, tiny), minimumMargin)

        var zl = Array(repeating: 0.0, count: f.n)
        var zu = Array(repeating: 0.0, count: f.n)
        for j in 0..<f.n {
            let l = f.lower[j]
            let u = f.upper[j]
            if hasLower[j] && hasUpper[j] {
                let width = u - l
                let inset = min(marginP, width / 4)
                let s = min(max(x[j] - l, 0), width)
                x[j] = l + inset + s * (width - 2 * inset) / width
            } else if hasLower[j] {
                x[j] = l + max(x[j] - l, 0) + marginP
            } else if hasUpper[j] {
                x[j] = u - max(u - x[j], 0) - marginP
            }
            if hasLower[j] { zl[j] = max(z[j], 0) + marginD }
            if hasUpper[j] { zu[j] = max(-z[j], 0) + marginD }
        }
        return IPMIterate(x: x, y: y, zl: zl, zu: zu)
    }
}
