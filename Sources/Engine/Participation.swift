/// The asset classes of a fleet, in the order of `SimulationInput`'s asset lists.
public enum AssetClass: String, Sendable, CaseIterable, Comparable {
    case batteries, evs, shiftableLoads, curtailableLoads, thermostaticLoads

    public static func < (lhs: AssetClass, rhs: AssetClass) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// How many assets of each class `input` holds.
    public static func counts(in input: SimulationInput) -> [AssetClass: Int] {
        [.batteries: input.batteries.count, .evs: input.evChargers.count,
         .shiftableLoads: input.shiftableLoads.count,
         .curtailableLoads: input.curtailableLoads.count,
         .thermostaticLoads: input.thermostaticLoads.count]
    }
}

/// One flag per asset of each class, in the order of the input's asset lists.
public struct AssetFlags: Sendable, Equatable {
    public var flags: [AssetClass: [Bool]]

    public init(_ flags: [AssetClass: [Bool]]) {
        self.flags = flags
    }

    /// Every asset of `input` flagged `value`.
    public init(input: SimulationInput, value: Bool) {
        flags = AssetClass.counts(in: input).mapValues { Array(repeating: value, count: $0) }
    }

    /// The flag of asset `index` of `assetClass`; false for an index the class lacks.
    public subscript(_ assetClass: AssetClass, _ index: Int) -> Bool {
        guard let list = flags[assetClass], list.indices.contains(index) else { return false }
        return list[index]
    }

    /// How many assets of `assetClass` are flagged.
    public func count(_ assetClass: AssetClass) -> Int {
        flags[assetClass]?.filter { $0 }.count ?? 0
    }
}

/// Who takes part in demand response, as the engine enforces it.
///
/// A strategy controls an asset only while it participates: it is enrolled, and it has not
/// opted out of an event whose window contains the step. Any other asset runs as under
/// `uncontrolled`, whatever the strategy asks; the engine applies that in one place
/// (`Observation.enforcingParticipation`), so researchers' strategies obey it too.
///
/// Strategies know the enrolment from the start (`enrolled`), but an opt-out only from the
/// first step of its event on (`controllable(step:knownAt:)`): a plan made before an event
/// counts on every enrolled asset, so the delivered response may fall short of it.
public struct Participation: Sendable, Equatable {
    /// Per asset: enrolled in the programme for the whole run.
    public var enrolled: AssetFlags
    /// Event id → per asset: enrolled, but sitting out that event.
    public var optedOut: [String: AssetFlags]

    public init(enrolled: AssetFlags, optedOut: [String: AssetFlags] = [:]) {
        self.enrolled = enrolled
        self.optedOut = optedOut
    }

    /// The same enrolment with nobody opting out: what a plan counts on.
    public var withoutOptOuts: Participation { Participation(enrolled: enrolled) }

    /// Whether any enrolled asset sits out any event.
    public var hasOptOuts: Bool { optedOut.keys.contains(where: hasOptOuts(eventID:)) }

    /// Whether any enrolled asset sits out the event `eventID`.
    public func hasOptOuts(eventID: String) -> Bool {
        guard let out = optedOut[eventID] else { return false }
        return AssetClass.allCases.contains { out.count($0) > 0 }
    }
}

extension SimulationInput {
    /// Which assets a strategy controls at `step`, as known at step `known`: the enrolled
    /// ones, less those that opted out of an event containing `step` that has started by
    /// `known`. Nil when the input has no participation (every asset is controlled).
    public func controllable(step: Int, knownAt known: Int) -> AssetFlags? {
        guard let participation else { return nil }
        var result = participation.enrolled
        for event in events
        where event.steps.contains(step) && event.steps.lowerBound <= known {
            guard let out = participation.optedOut[event.id] else { continue }
            for (assetClass, flags) in out.flags {
                guard var list = result.flags[assetClass] else { continue }
                for index in list.indices where flags.indices.contains(index) && flags[index] {
                    list[index] = false
                }
                result.flags[assetClass] = list
            }
        }
        return result
    }
}
