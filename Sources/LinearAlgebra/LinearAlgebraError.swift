/// A failure reported by a BLAS or LAPACK call, or caught before the call.
///
/// Every case names the routine, so a caller several layers up can still say
/// which factorization failed and where.
public enum LinearAlgebraError: Error, Equatable, CustomStringConvertible {
    /// The operands' shapes do not fit; `detail` says which sizes disagree.
    case dimensionMismatch(routine: String, detail: String)
    /// LAPACK rejected argument number `position` (its `info` was `-position`).
    case illegalArgument(routine: String, position: Int)
    /// The leading minor of order `minor` (1-based) is not positive definite.
    case notPositiveDefinite(routine: String, minor: Int)

    public var description: String {
        switch self {
        case .dimensionMismatch(let routine, let detail):
            return "\(routine): dimension mismatch: \(detail)"
        case .illegalArgument(let routine, let position):
            return "\(routine): argument \(position) has an illegal value"
        case .notPositiveDefinite(let routine, let minor):
            return "\(routine): leading minor of order \(minor) is not positive definite"
        }
    }

    /// Maps a LAPACK `info` value to `nil` (success) or the matching error.
    static func check(_ info: Int32, routine: String) throws {
        if info == 0 { return }
        if info < 0 { throw illegalArgument(routine: routine, position: Int(-info)) }
        throw notPositiveDefinite(routine: routine, minor: Int(info))
    }

    /// Throws `dimensionMismatch` unless `condition` holds.
    static func require(
        _ condition: Bool, routine: String, _ detail: @autoclosure () -> String
    ) throws {
        if !condition { throw dimensionMismatch(routine: routine, detail: detail()) }
    }
}
