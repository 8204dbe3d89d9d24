import Scenario

/// The seeds of a study's `--seeds K`: K consecutive seeds from the scenario's own.
public enum StudySeeds {
    /// `count` seeds from `first`. Each must be one that `vppsim run --seed` accepts, so that
    /// every row of a bench or sweep can be rerun on its own.
    public static func consecutive(from first: UInt64, count: Int) throws -> [UInt64] {
        let last = Int(first) + count - 1
        guard count >= 1, last <= ScenarioLoader.seeds.upperBound else {
            let room = ScenarioLoader.seeds.upperBound - Int(first) + 1
            throw StudyError.badOption(
                option: "--seeds", value: String(count),
                allowed: "1 to \(room): seeds run from the scenario's seed \(first) and may "
                    + "not pass \(ScenarioLoader.seeds.upperBound)")
        }
        return (0..<count).map { first + UInt64($0) }
    }
}
