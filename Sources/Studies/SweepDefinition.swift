import InputData

/// What a sweep runs: the scenario, the grid of values, the strategies and the seeds.
///
/// The grid is enumerated with the first `--set` varying slowest. A case is one point of
/// the grid with one seed; every strategy runs on every case. Shards are contiguous blocks
/// of cases, so that the shards' rows in shard order are the rows of the whole sweep.
public struct SweepDefinition: Sendable {
    public let scenarioPath: String
    public let parameters: [SweepParameter]
    public let strategies: [String]
    /// Seed overrides, or nil to use the scenario's own seed (after the `--set` edits).
    public let seeds: [UInt64]?

    public init(
        scenarioPath: String, parameters: [SweepParameter], strategies: [String], seeds: [UInt64]?
    ) {
        self.scenarioPath = scenarioPath
        self.parameters = parameters
        self.strategies = strategies
        self.seeds = seeds
    }

    public var pointCount: Int { parameters.reduce(1) { $0 * $1.valueTexts.count } }
    public var seedCount: Int { seeds?.count ?? 1 }
    public var caseCount: Int { pointCount * seedCount }

    /// The value index of each parameter at `point`, first parameter slowest.
    func valueIndices(point: Int) -> [Int] {
        var remainder = point
        var indices = Array(repeating: 0, count: parameters.count)
        for position in parameters.indices.reversed() {
            let count = parameters[position].valueTexts.count
            indices[position] = remainder % count
            remainder /= count
        }
        return indices
    }

    /// The scenario JSON of `point`.
    func json(point: Int, root: JSONValue) throws -> JSONValue {
        var edited = root
        for (parameter, valueIndex) in zip(parameters, valueIndices(point: point)) {
            edited = try parameter.apply(valueIndex: valueIndex, to: edited)
        }
        return edited
    }

    /// Checks on the scenario that every `--set` writes some field and no two write the
    /// same one: the later would win, and the CSV would label points with values they did
    /// not run.
    func checkDistinctFields(root: JSONValue) throws {
        if seeds != nil, let seed = parameters.first(where: { $0.path == "seed" }) {
            throw StudyError.sweepFieldConflict(
                path: seed.path, reason: "--seeds K runs K seeds from the scenario's seed and "
                    + "would override it; give one of the two")
        }
        var writer: [String: String] = [:]
        for parameter in parameters {
            let fields = try parameter.fields(in: root)
            if fields.isEmpty {
                throw StudyError.sweepFieldConflict(
                    path: parameter.path,
                    reason: "it matches no field of the scenario (a '*' over an empty list)")
            }
            for field in fields {
                // A field inside another's value (strategy.name inside strategy) is written
                // by both as well.
                let parts = field.split(separator: ".")
                let enclosing = parts.indices.dropLast().map { parts[...$0].joined(separator: ".") }
                let inside = writer.keys.sorted().first { $0.hasPrefix(field + ".") }
                if let earlier = writer[field] ?? enclosing.lazy.compactMap({ writer[$0] }).first
                    ?? inside.flatMap({ writer[$0] }) {
                    throw StudyError.sweepFieldConflict(
                        path: parameter.path,
                        reason: "it writes \(field), which --set \(earlier) writes too; "
                            + "the later would win, so give each field one --set")
                }
                writer[field] = parameter.path
            }
        }
    }

    /// How a message names the scenario of `point`.
    func displayName(point: Int) -> String {
        let settings = zip(parameters, valueIndices(point: point))
            .map { "\($0.path)=\($0.valueTexts[$1])" }.joined(separator: ", ")
        return parameters.isEmpty
            ? scenarioPath : "\(scenarioPath) (sweep point \(point): \(settings))"
    }
}

/// Shard I of N (I from 1): a contiguous block of a sweep's cases.
public struct SweepShard: Sendable, Equatable {
    public let index: Int
    public let count: Int

    public static let whole = SweepShard(index: 1, count: 1)

    /// Parses "I/N" with 1 ≤ I ≤ N.
    public init(text: String) throws {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]),
              count >= 1, (1...count).contains(index)
        else {
            throw StudyError.badOption(
                option: "--shard", value: text,
                allowed: "I/N with 1 ≤ I ≤ N, e.g. 3/8 (Slurm: $SLURM_ARRAY_TASK_ID/8)")
        }
        self.init(index: index, count: count)
    }

    init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    public var text: String { "\(index)/\(count)" }

    /// The cases of this shard among `caseCount`.
    public func cases(of caseCount: Int) -> Range<Int> {
        ((index - 1) * caseCount / count)..<(index * caseCount / count)
    }
}
