import LinearAlgebra

/// The general path: the normal matrix is formed densely with BLAS-3 `dsyrk`
/// over chunks of columns and factored with LAPACK `dpotrf`.
///
/// Memory grows with rows^2 and time with rows^2 x columns / chunk overlap, so
/// this path is meant for small problems (a few thousand rows) and as an
/// independent check of the structured path.
struct GeneralNormalEquations: NormalEquationsSolver {
    let a: SparseMatrix
    /// Columns per `dsyrk` call; chosen by experiment, any value >= 1 is correct.
    let columnsPerChunk = 256
    var cholesky: CholeskyFactor?

    init(_ a: SparseMatrix) {
        self.a = a
    }

    var pathDescription: String { "general (dense normal equations, \(a.rows) rows)" }

    mutating func factor(
        hInverse: [Double], regularization: Double, relativeRegularization: Double
    ) throws {
        let m = a.rows
        var normal = DenseMatrix(rows: m, columns: m)
        for i in 0..<m { normal[i, i] = regularization }
        var localRow = Array(repeating: -1, count: m)
        var chunkStart = 0
        while chunkStart < a.columns {
            let chunkEnd = min(a.columns, chunkStart + columnsPerChunk)
            try addChunk(chunkStart..<chunkEnd, hInverse, &normal, &localRow)
            chunkStart = chunkEnd
        }
        for i in 0..<m where relativeRegularization > 0 {
            normal[i, i] *= 1 + relativeRegularization
        }
        cholesky = try CholeskyFactor(normal)
    }

    /// Adds `sum_j hInverse[j] a_j a_j'` over the chunk, restricted to the rows it touches.
    private func addChunk(
        _ chunk: Range<Int>, _ hInverse: [Double], _ normal: inout DenseMatrix,
        _ localRow: inout [Int]
    ) throws {
        let columnStart = a.columnStart
        let rowIndex = a.rowIndex
        let columnValue = a.columnValue
        var touched: [Int] = []
        for j in chunk {
            for k in columnStart[j]..<columnStart[j + 1] where localRow[Int(rowIndex[k])] < 0 {
                localRow[Int(rowIndex[k])] = touched.count
                touched.append(Int(rowIndex[k]))
            }
        }
        if touched.isEmpty { return }
        var scaled = DenseMatrix(rows: touched.count, columns: chunk.count)
        for (offset, j) in chunk.enumerated() {
            let root = hInverse[j].squareRoot()
            for k in columnStart[j]..<columnStart[j + 1] {
                scaled[localRow[Int(rowIndex[k])], offset] = columnValue[k] * root
            }
        }
        var local = DenseMatrix(rows: touched.count, columns: touched.count)
        try syrkLower(.none, alpha: 1, scaled, beta: 0, &local)
        for (lj, j) in touched.enumerated() {
            for li in lj..<touched.count {
                let i = touched[li]
                let (r, c) = i >= j ? (i, j) : (j, i)
                normal[r, c] += local[li, lj]
            }
        }
        for i in touched { localRow[i] = -1 }
    }

    mutating func solve(_ r: inout [Double]) throws {
        guard let cholesky else {
            preconditionFailure("GeneralNormalEquations: solve before factor")
        }
        try cholesky.solve(&r)
    }
}
