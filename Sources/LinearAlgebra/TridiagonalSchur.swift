/// The Schur complement contribution of a factored batch.
///
/// For a tridiagonal `M = L D L'` the inverse has a cheap structure: its
/// diagonal follows `s[i] = 1 / d[i] + l[i]^2 s[i+1]` and above the diagonal
/// `inv(M)[i, j] = -l[i] * inv(M)[i+1, j]`. So `C' inv(M) C` for a `C` with
/// one entry per column costs O(K^2) per block (K = coupling rows touched)
/// instead of the O(K * m * bandwidth) of solving with K right-hand sides,
/// and no explicit inverse is stored. Each step is a vector update over the
/// remaining columns, so the inner loops vectorize.
extension TridiagonalBatch {
    /// Adds block `b`'s `w_b C_b' inv(M_b) C_b` to `u` (column stride `m0`), each
    /// product once in the lower or upper triangle; `d`, `e` hold the factored block.
    static func accumulateBlock(
        _ b: Int, _ blockStart: [Int], _ coupling: BlockCoupling.Shape,
        _ d: UnsafePointer<Double>, _ e: UnsafePointer<Double>, _ value: UnsafePointer<Double>,
        into u: UnsafeMutablePointer<Double>, stride m0: Int,
        sigma: inout [Double], q: inout [Double]
    ) {
        let first = blockStart[b]
        let rows = blockStart[b + 1] - first
        let e0 = coupling.entryStart[b]
        let count = coupling.entryStart[b + 1] - e0
        if count == 0 || rows == 0 { return }
        let w = coupling.blockWeight[b]
        let contiguous = coupling.contiguous[b]

        // Diagonal of the inverse, from the last row up.
        sigma[rows - 1] = 1 / d[first + rows - 1]
        var i = rows - 2
        while i >= 0 {
            let l = e[first + i]
            sigma[i] = 1 / d[first + i] + l * l * sigma[i + 1]
            i -= 1
        }

        // Walk the touched rows upwards; q[beta] holds g_beta * inv(M)[p_alpha, p_beta].
        q.withUnsafeMutableBufferPointer { qp in
            var alpha = count - 1
            while alpha >= 0 {
                let p = Int(coupling.localRow[e0 + alpha])
                var factor = 1.0
                if alpha < count - 1 {
                    for k in p..<Int(coupling.localRow[e0 + alpha + 1]) {
                        factor *= -e[first + k]
                    }
                }
                let g = value[e0 + alpha]
                qp[alpha] = g * sigma[p]
                let scale = w * g
                let column = u + Int(coupling.couplingRow[e0 + alpha]) * m0
                if contiguous {
                    // The rescaling of q and its use in one sweep (q stays in registers).
                    let target = column + Int(coupling.couplingRow[e0 + alpha]) - alpha
                    target[alpha] += scale * qp[alpha]
                    for beta in (alpha + 1)..<count {
                        let v = qp[beta] * factor
                        qp[beta] = v
                        target[beta] += scale * v
                    }
                } else {
                    for beta in (alpha + 1)..<count { qp[beta] *= factor }
                    for beta in alpha..<count {
                        column[Int(coupling.couplingRow[e0 + beta])] += scale * qp[beta]
                    }
                }
                alpha -= 1
            }
        }
    }
}
