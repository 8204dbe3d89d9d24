@testable import Optimizer

/// `ForcedVariables` as it was first written, every row read on every pass: the reference
/// the faster passes must match exactly.
enum PlainForcedVariables {
    static func values(_ model: Model, tolerance: Double) -> [Double] {
        var value = (0..<model.variableCount).map {
            model.lower[$0] == model.upper[$0] ? model.lower[$0] : .nan
        }
        var seen = Array(repeating: 0, count: model.variableCount)
        let m = model.rowCount
        for pass in 0..<ForcedVariables.passLimit {
            var changed = false
            for step in 0..<m {
                let i = pass % 2 == 0 ? step : m - 1 - step
                let stamp = pass * m + i + 1
                changed = fix(i, model, tolerance, stamp, &seen, &value) || changed
            }
            if !changed { break }
        }
        return value
    }

    static func fix(
        _ i: Int, _ model: Model, _ tolerance: Double, _ stamp: Int, _ seen: inout [Int],
        _ value: inout [Double]
    ) -> Bool {
        let terms = model.rowStart[i]..<model.rowStart[i + 1]
        var least = 0.0, most = 0.0, fixed = 0.0, undecided = 0, repeats = false
        var lastVariable = -1, lastCoefficient = 0.0
        for k in terms {
            let j = model.termVariable[k]
            let a = model.termValue[k]
            if !value[j].isNaN {
                fixed += a * value[j]
                continue
            }
            if a == 0 { continue }
            repeats = repeats || seen[j] == stamp
            seen[j] = stamp
            undecided += 1
            lastVariable = j
            lastCoefficient = a
            least += a * (a > 0 ? model.lower[j] : model.upper[j])
            most += a * (a > 0 ? model.upper[j] : model.lower[j])
        }
        if undecided == 0 || repeats { return false }
        let lo = model.rowLower[i] - fixed
        let up = model.rowUpper[i] - fixed
        if undecided == 1 && lo == up {
            let v = up / lastCoefficient
            let l = model.lower[lastVariable]
            let u = model.upper[lastVariable]
            let slack = tolerance * (1 + abs(v))
            guard v.isFinite, v >= l - slack, v <= u + slack else { return false }
            value[lastVariable] = min(max(v, l), u)
            return true
        }
        func reaches(_ bound: Double, _ limit: Double) -> Bool {
            bound.isFinite && limit.isFinite && abs(bound - limit) <= tolerance * (1 + abs(limit))
        }
        let atLeast = reaches(least, up)
        guard atLeast || reaches(most, lo) else { return false }
        for k in terms {
            let j = model.termVariable[k]
            let a = model.termValue[k]
            guard value[j].isNaN, a != 0 else { continue }
            value[j] = (a > 0) == atLeast ? model.lower[j] : model.upper[j]
        }
        return true
    }
}
