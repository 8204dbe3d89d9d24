import Foundation

/// Reads free-format MPS: ROWS, COLUMNS, RHS, RANGES, BOUNDS, QUADOBJ/QMATRIX
/// (diagonal only), OBJSENSE. The first N row is the objective; other N rows
/// are free and dropped, with every entry naming them. The objective row's
/// right-hand side is read as the negated objective constant (HiGHS's
/// convention). A row declared twice is an error. Integer markers and integer
/// bound types are rejected: this solver is continuous only. A maximization
/// (`OBJSENSE MAX`) is stored negated, as a minimization.
///
/// Bounds, right-hand sides and ranges of magnitude 1e20 or more are infinite (as HiGHS
/// reads them; files often write 1e30 for infinity). What another reader might take in
/// more than one way is an error naming the line: a section given twice, a second RHS,
/// RANGES or BOUNDS set, an entry repeated for the same column and row, an OBJSENSE
/// other than MIN or MAX, numbers that are NaN or hexadecimal. Matrix entries of 1e15 or
/// more and costs of 1e20 or more are refused (HiGHS's limits: a feasible QP with a 1e50
/// quadratic cost had been declared infeasible). Lines end in LF, CRLF or CR.
extension Model {
    public static func readMPS(path: String) throws -> Model {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
            throw MPSError(file: path, line: 0, message: "cannot read the file")
        }
        var reader = MPSParser(file: path)
        return try reader.parse(text)
    }

    public static func parseMPS(_ text: String, file: String = "<text>") throws -> Model {
        var reader = MPSParser(file: file)
        return try reader.parse(text)
    }
}

struct MPSParser {
    let file: String
    var model = Model()
    var section = ""
    var objectiveName: String?
    /// N rows after the objective: free rows, whose entries are skipped.
    var freeRows: Set<String> = []
    var maximize = false
    var rowIndex: [String: Int] = [:]
    var rowKind: [Character] = []
    var rhs: [Double] = []
    var range: [Double?] = []
    var columnIndex: [String: Int] = [:]
    var terms: [[(Int, Double)]] = []
    var lineNumber = 0
    var sectionsSeen: Set<String> = []
    /// The set name of the first RHS, RANGES and BOUNDS entry; others are refused.
    var setName: [String: Substring] = [:]
    /// Every entry given so far, by section and the indices it names, to refuse repeats:
    /// COLUMNS (column, row; row -1 the objective), RHS and RANGES (row), QUADOBJ (column,
    /// column), BOUNDS (column, side: 0 lower, 1 upper).
    var entriesGiven: Set<Entry> = []
    struct Entry: Hashable {
        let section: String
        let indices: [Int]
    }
    var senseGiven = false
    /// Magnitudes from this up are infinite in bounds, right-hand sides and ranges, and
    /// refused as costs (HiGHS's `infinite_cost` and `infinite_bound`).
    static let infinity = 1e20
    /// Matrix entries from this magnitude up are refused (HiGHS's `large_matrix_value`):
    /// no interior-point scaling recovers a row that spans 1e15.
    static let largestMatrixEntry = 1e15

    init(file: String) {
        self.file = file
    }

    func fail(_ message: String) -> MPSError {
        MPSError(file: file, line: lineNumber, message: message)
    }

    mutating func parse(_ text: String) throws -> Model {
        // "\r\n" is one Character in Swift, so a split on "\n" alone would keep CRLF lines.
        let lines = text.split(
            omittingEmptySubsequences: false,
            whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        for line in lines {
            lineNumber += 1
            if line.isEmpty || line.first == "*" { continue }
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.isEmpty { continue }
            if section == "ENDATA" { throw fail("text after ENDATA") }
            if line.first != " " && line.first != "\t" {
                try header(fields)
                continue
            }
            try entry(fields)
        }
        guard section == "ENDATA" else { throw fail("missing ENDATA") }
        return try finish()
    }

    private mutating func header(_ fields: [Substring]) throws {
        section = String(fields[0]).uppercased()
        let known = [
            "NAME", "ROWS", "COLUMNS", "RHS", "RANGES", "BOUNDS", "QUADOBJ", "QMATRIX",
            "OBJSENSE", "ENDATA",
        ]
        guard known.contains(section) else {
            throw fail(
                "unknown section '\(section)'; expected one of \(known.joined(separator: ", "))")
        }
        guard sectionsSeen.insert(section).inserted else {
            throw fail("section \(section) appears twice; give each section once")
        }
        if section == "NAME" && fields.count > 1 { model.name = String(fields[1]) }
        if section == "OBJSENSE" && fields.count > 1 { try sense(fields[1]) }
    }

    private mutating func sense(_ field: Substring) throws {
        guard !senseGiven else { throw fail("OBJSENSE is given twice") }
        senseGiven = true
        switch field.uppercased() {
        case "MAX", "MAXIMIZE": maximize = true
        case "MIN", "MINIMIZE": maximize = false
        default: throw fail("OBJSENSE '\(field)' is neither MIN nor MAX")
        }
    }

    /// A finite decimal number below `limit` in magnitude; with `infinite`, magnitudes from
    /// `infinity` up are infinite instead.
    private func number(
        _ field: Substring, infinite: Bool = false, limit: Double = MPSParser.infinity
    ) throws -> Double {
        let digits = field.drop(while: { $0 == "+" || $0 == "-" }).lowercased()
        guard !digits.hasPrefix("0x"), let value = Double(field), !value.isNaN else {
            throw fail("'\(field)' is not a number")
        }
        if infinite && abs(value) >= Self.infinity { return value > 0 ? .infinity : -.infinity }
        guard value.isFinite else {
            throw fail("'\(field)' is infinite; only bounds, RHS and RANGES may be")
        }
        guard abs(value) < limit else {
            let what = ["COLUMNS": "matrix entry or cost", "QUADOBJ": "quadratic cost",
                        "QMATRIX": "quadratic cost"][section] ?? "value"
            throw fail("'\(field)' is too large for a \(what); give less than "
                + "1e\(Int(log10(limit).rounded())) in magnitude")
        }
        return value
    }

    /// Records an entry of the current section naming `indices`; refuses it if the section
    /// had it already, with the message `repeated` makes from the section's name.
    private mutating func once(_ indices: Int..., else repeated: (String) -> String) throws {
        guard entriesGiven.insert(Entry(section: section, indices: indices)).inserted else {
            throw fail(repeated(section))
        }
    }

    /// Refuses a second set name in RHS, RANGES or BOUNDS (this reader keeps one of each).
    private mutating func checkSet(_ name: Substring) throws {
        if let first = setName[section], first != name {
            throw fail("a second \(section) set '\(name)' after '\(first)'; give one set")
        }
        setName[section] = name
    }

    private mutating func entry(_ f: [Substring]) throws {
        switch section {
        case "OBJSENSE": try sense(f[0])
        case "ROWS":
            guard f.count >= 2, let kind = f[0].uppercased().first, "NELG".contains(kind) else {
                throw fail("ROWS entry should be '<N|E|L|G> name'")
            }
            let name = String(f[1])
            if rowIndex[name] != nil || freeRows.contains(name) || name == objectiveName {
                throw fail("row '\(name)' is declared twice in ROWS")
            }
            if kind == "N" {
                if objectiveName == nil { objectiveName = name } else { freeRows.insert(name) }
                return
            }
            rowIndex[name] = rowKind.count
            rowKind.append(kind)
            rhs.append(0)
            range.append(nil)
            terms.append([])
        case "COLUMNS": try columnEntry(f)
        case "RHS", "RANGES": try rhsOrRange(f)
        case "BOUNDS": try bound(f)
        case "QUADOBJ", "QMATRIX": try quadratic(f)
        default: throw fail("data line outside a section that takes data")
        }
    }

    private mutating func columnEntry(_ f: [Substring]) throws {
        if f.count >= 3 && f[1] == "'MARKER'" {
            throw fail("integer markers are not supported: this solver is continuous only")
        }
        guard f.count >= 3 && f.count % 2 == 1 else {
            throw fail("COLUMNS entry should be 'column row value [row value]'")
        }
        let name = String(f[0])
        var j = columnIndex[name] ?? -1
        if j < 0 {
            j = model.addVariable(name: name).index
            columnIndex[name] = j
        }
        for p in stride(from: 1, to: f.count, by: 2) {
            let row = String(f[p])
            let isCost = row == objectiveName
            let value = try number(
                f[p + 1], limit: isCost ? MPSParser.infinity : MPSParser.largestMatrixEntry)
            if isCost {
                try once(j, -1) { _ in "column '\(name)' has a second cost entry" }
                model.cost[j] += value
            } else if freeRows.contains(row) {
                continue
            } else if let i = rowIndex[row] {
                try once(j, i) { _ in "column '\(name)' has a second entry in row '\(row)'" }
                terms[i].append((j, value))
            } else {
                throw fail("column '\(name)' uses row '\(row)', which ROWS does not declare")
            }
        }
    }

    private mutating func rhsOrRange(_ f: [Substring]) throws {
        let start = f.count % 2 == 1 ? 1 : 0
        guard f.count - start >= 2 else {
            throw fail("\(section) entry should be '[set] row value'")
        }
        try checkSet(start == 1 ? f[0] : "")
        for p in stride(from: start, to: f.count, by: 2) {
            let row = String(f[p])
            if row == objectiveName && section == "RHS" {
                try once(-1) { _ in "RHS gives the objective's constant twice" }
                model.objectiveConstant = -(try number(f[p + 1]))
            } else if row == objectiveName {
                throw fail("RANGES names the objective row '\(row)'; ranges apply to constraints")
            } else if freeRows.contains(row) {
                // Ignored, as in COLUMNS. HiGHS adds a free row's RHS to the objective's
                // constant instead; a file relying on either reading is best rewritten.
                continue
            } else if let i = rowIndex[row] {
                let value = try number(f[p + 1], infinite: true)
                try once(i) { "\($0) gives row '\(row)' twice" }
                if section == "RHS" { rhs[i] = value } else { range[i] = value }
            } else {
                throw fail("\(section) names row '\(row)', which ROWS does not declare")
            }
        }
    }

    private mutating func bound(_ f: [Substring]) throws {
        let kind = f[0].uppercased()
        let needsValue = ["UP", "LO", "FX"].contains(kind)
        // The set name is optional: 'UP BND x 4' or 'UP x 4', 'FR BND x' or 'FR x'.
        let withSet = f.count == (needsValue ? 4 : 3)
        guard withSet || f.count == (needsValue ? 3 : 2) else {
            throw fail("BOUNDS entry should be 'type [set] column" + (needsValue ? " value'" : "'"))
        }
        let name = String(f[withSet ? 2 : 1])
        guard let j = columnIndex[name] else {
            throw fail("BOUNDS names column '\(name)', which COLUMNS does not declare")
        }
        try checkSet(withSet ? f[1] : "")
        let value = needsValue ? try number(f[f.count - 1], infinite: true) : 0
        // A side given twice would be read one way here and another elsewhere (HiGHS keeps
        // the first): refused. FX and FR give both sides.
        let sides = ["LO": [0], "MI": [0], "UP": [1], "PL": [1], "FX": [0, 1], "FR": [0, 1]]
        for side in sides[kind] ?? [] {
            try once(j, side) { _ in
                "column '\(name)' has its \(side == 0 ? "lower" : "upper") bound given twice "
                    + "in BOUNDS"
            }
        }
        switch kind {
        case "UP": model.upper[j] = value
        case "LO": model.lower[j] = value
        case "FX":
            model.lower[j] = value
            model.upper[j] = value
        case "FR":
            model.lower[j] = -.infinity
            model.upper[j] = .infinity
        case "MI": model.lower[j] = -.infinity
        case "PL": model.upper[j] = .infinity
        default:
            throw fail("bound type '\(kind)' is not supported; use UP, LO, FX, FR, MI or PL")
        }
    }

    private mutating func quadratic(_ f: [Substring]) throws {
        guard f.count >= 3, let a = columnIndex[String(f[0])], let b = columnIndex[String(f[1])]
        else { throw fail("\(section) entry should be 'column column value' with known columns") }
        let value = try number(f[2])
        try once(a, b) { "\($0) gives the pair '\(f[0])' '\(f[1])' twice" }
        if a != b {
            if value == 0 { return }
            throw fail("off-diagonal quadratic term: only separable (diagonal) costs are supported")
        }
        model.quadraticCost[a] += value
    }

    private mutating func finish() throws -> Model {
        var rowNameByIndex = Array(repeating: "", count: rowKind.count)
        for (name, i) in rowIndex { rowNameByIndex[i] = name }
        // rhs + range with an infinite rhs: the range's infinity, not NaN.
        func shifted(_ rhs: Double, by range: Double) -> Double {
            let sum = rhs + range
            return sum.isNaN ? range : sum
        }
        for i in 0..<rowKind.count {
            var (lo, up) = (-Double.infinity, Double.infinity)
            let r = range[i].map { abs($0) }
            switch rowKind[i] {
            case "E":
                (lo, up) = (rhs[i], rhs[i])
                if let raw = range[i] {
                    if raw >= 0 {
                        up = shifted(rhs[i], by: raw)
                    } else {
                        lo = shifted(rhs[i], by: raw)
                    }
                }
            case "L":
                up = rhs[i]
                if let r { lo = shifted(rhs[i], by: -r) }
            default:
                lo = rhs[i]
                if let r { up = shifted(rhs[i], by: r) }
            }
            let row = terms[i].map { (VariableID(index: $0.0), $0.1) }
            model.addRow(name: rowNameByIndex[i], terms: row, lower: lo, upper: up)
        }
        if maximize {
            // Maximizing c'x + x'Qx/2 is minimizing -c'x - x'Qx/2: convex when Q <= 0.
            for j in 0..<model.variableCount {
                model.cost[j] = -model.cost[j]
                model.quadraticCost[j] = -model.quadraticCost[j]
            }
            if model.quadraticCost.contains(where: { $0 < 0 }) {
                throw fail("OBJSENSE MAX with a positive QUADOBJ term maximizes a convex "
                    + "function, which is not a convex problem; give Q <= 0 to maximize")
            }
            model.objectiveConstant = -model.objectiveConstant
            model.negatesAMaximization = true
        }
        return model
    }
}
