import Assets
import InputData

/// The size of one asset entry: `count` real devices simulated as `agents` representative
/// agents, each standing for `count / agents` of them (see `Assets/Representation.swift`).
struct Population {
    /// Largest `count` an entry may give: more than any city's fleet of one kind.
    static let maximumCount = 100_000_000
    /// Most agents one entry may simulate; each is a full asset with its own state.
    static let maximumAgents = 1_000_000
    /// Most devices an entry without `agents` is simulated with, one agent each; above it
    /// the scenario must say how many agents it wants (memory grows with agents, and an
    /// optimised run of a million separate batteries does not fit a workstation).
    static let largestImplicitAgents = 10_000

    let count: Int
    /// Real devices behind each simulated agent, in agent order; sums to `count`.
    let devicesPerAgent: [Int]

    var agents: Int { devicesPerAgent.count }

    /// Reads `count` and `agents` from an entry. `agentOverride` (the CLI's `--agents`)
    /// replaces the entry's `agents`: every entry is then simulated with that many agents,
    /// or one per device when it has fewer devices.
    static func read(_ reader: FieldReader, agentOverride: Int?) throws -> Population {
        let count = try reader.integer("count", in: 1...maximumCount, default: 1)
        if !reader.has("agents"), agentOverride == nil, count > largestImplicitAgents {
            throw reader.inconsistency("agents", "an entry of \(count) devices needs 'agents' "
                + "(at most \(largestImplicitAgents) are simulated one by one without it): "
                + "identical devices aggregate exactly, so 1 loses nothing for batteries and "
                + "loads; a sampled EV fleet needs enough to represent it, e.g. 1000")
        }
        let given = try reader.integer("agents", in: 1...count, default: count)
        let agents = agentOverride.map { min($0, count) } ?? given
        guard agents <= maximumAgents else {
            throw reader.inconsistency("agents", "\(agents) agents would each be simulated on "
                + "their own; give 'agents' of at most \(maximumAgents) (each then stands for "
                + "count / agents devices) or run with --agents")
        }
        return Population(count: count, devicesPerAgent: Assets.devicesPerAgent(
            count: count, agents: agents))
    }

    /// The id of agent `index` (from 0) of an entry named `id`.
    func agentID(_ id: String, index: Int) -> String {
        agents == 1 ? id : "\(id)-\(index + 1)"
    }
}
