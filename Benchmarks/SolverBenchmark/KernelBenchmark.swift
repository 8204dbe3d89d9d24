import Foundation
import LinearAlgebra

/// Times the scaling kernel (`BoundedKernels.scalingAndPredictor`) per element at sizes
/// from in-cache to far beyond it, against a reference pass in the same run that
/// streams the same vectors (7 read, 4 written) with one addition per element. A ratio
/// near 1 at large sizes means the kernel runs at memory speed; a ratio well above 1
/// at every size means it is bound by its arithmetic.
func kernelReport(threads: Int) -> String {
    var lines = [
        "| elements | scaling ns/element | reference ns/element | ratio |",
        "|---|---|---|---|",
    ]
    for exponent in [14, 17, 20, 23] {
        let n = 1 << exponent
        var v = KernelVectors(n: n)
        let kernels = BoundedKernels(count: n, threads: threads)
        let repeats = max(3, (1 << 26) / n)
        let scaling = bestTime(repeats) { v.scale(kernels) } / Double(n) * 1e9
        let reference = bestTime(repeats) { v.stream(kernels) } / Double(n) * 1e9
        lines.append(
            "| \(n) | \(String(format: "%.2f", scaling)) | \(String(format: "%.2f", reference)) "
                + "| \(String(format: "%.2f", scaling / reference)) |")
    }
    return lines.joined(separator: "\n")
}

/// Shortest of `repeats` timings of `body`, in seconds.
private func bestTime(_ repeats: Int, _ body: () -> Void) -> Double {
    var best = Double.infinity
    for _ in 0..<repeats {
        let start = DispatchTime.now().uptimeNanoseconds
        body()
        best = min(best, Double(DispatchTime.now().uptimeNanoseconds - start) * 1e-9)
    }
    return best
}

/// A point with both bounds on every variable, as dispatch models have.
private struct KernelVectors {
    var x, zl, zu, lower, upper, q, rd: [Double]
    var hasLower, hasUpper: [Bool]
    var il, iu, h, r1: [Double]

    init(n: Int) {
        var generator = SystemRandomNumberGenerator()
        lower = Array(repeating: 0, count: n)
        upper = (0..<n).map { _ in Double.random(in: 1...10, using: &generator) }
        x = upper.map { $0 * Double.random(in: 0.01...0.99, using: &generator) }
        zl = (0..<n).map { _ in Double.random(in: 1e-6...1, using: &generator) }
        zu = (0..<n).map { _ in Double.random(in: 1e-6...1, using: &generator) }
        q = Array(repeating: 0, count: n)
        rd = (0..<n).map { _ in Double.random(in: -1e-3...1e-3, using: &generator) }
        hasLower = Array(repeating: true, count: n)
        hasUpper = Array(repeating: true, count: n)
        il = Array(repeating: 0, count: n)
        iu = il
        h = il
        r1 = il
    }

    mutating func scale(_ kernels: BoundedKernels) {
        kernels.scalingAndPredictor(
            x: x, zl: zl, zu: zu, lower: lower, upper: upper, hasLower: hasLower,
            hasUpper: hasUpper, q: q,
            regularization: ScalingRegularization(
                regularization: 1e-10, freeRegularization: 1e-7, complementarityWeight: 6),
            dualResidual: rd, inverseLowerSlack: &il, inverseUpperSlack: &iu, hInverse: &h,
            r1: &r1)
    }

    /// The reference: the same streams over the same chunks, one addition per element.
    mutating func stream(_ kernels: BoundedKernels) {
        let chunks = kernels.chunks
        let (x, zl, zu, lower, upper, q, rd) = (x, zl, zu, lower, upper, q, rd)
        il.withUnsafeMutableBufferPointer { il in
            iu.withUnsafeMutableBufferPointer { iu in
                h.withUnsafeMutableBufferPointer { h in
                    r1.withUnsafeMutableBufferPointer { r1 in
                        runChunks(chunks, threads: kernels.threads) { _, range in
                            for j in range {
                                il[j] = x[j] + lower[j]
                                iu[j] = upper[j] + x[j]
                                h[j] = zl[j] + zu[j] + q[j]
                                r1[j] = rd[j] + zl[j]
                            }
                        }
                    }
                }
            }
        }
    }
}
