import Engine
import VPPCore

/// How one asset class takes part in events.
public struct ClassParticipation: Sendable, Equatable {
    /// Share of the class's assets enrolled in the programme, 0 to 1.
    public var enrolledShare: Double
    /// Chance that an enrolled asset sits out a given event, 0 to 1.
    public var optOutProbability: Double

    public init(enrolledShare: Double = 1, optOutProbability: Double = 0) {
        precondition((0...1).contains(enrolledShare), "ClassParticipation.enrolledShare should "
            + "be in [0, 1], but is \(enrolledShare)")
        precondition((0...1).contains(optOutProbability), "ClassParticipation."
            + "optOutProbability should be in [0, 1], but is \(optOutProbability)")
        self.enrolledShare = enrolledShare
        self.optOutProbability = optOutProbability
    }
}

/// Which assets are enrolled, and which of them take part in each event.
///
/// Enrolment: exactly round(share × count) assets of a class, chosen by a seeded shuffle
/// (stream `dr-enrolment/<class>`). Opt-out: one draw per asset per event from the stream
/// `dr-opt-out/<class>/<event id>`, so adding an event or an asset of another class never
/// changes anyone else's flags.
public struct ParticipationPlan: Sendable, Equatable {
    public let enrolled: [AssetClass: [Bool]]
    /// Event id → class → one flag per asset: enrolled and not opted out.
    public let participating: [String: [AssetClass: [Bool]]]

    public init(settings: [AssetClass: ClassParticipation], assetCounts: [AssetClass: Int],
                events: [DREvent], seed: UInt64) {
        var enrolled: [AssetClass: [Bool]] = [:]
        for assetClass in AssetClass.allCases {
            let share = settings[assetClass]?.enrolledShare ?? 1
            enrolled[assetClass] = ParticipationPlan.enrol(
                count: assetCounts[assetClass] ?? 0, share: share,
                seed: seed, label: "dr-enrolment/\(assetClass.rawValue)")
        }
        var participating: [String: [AssetClass: [Bool]]] = [:]
        for event in events {
            var flags: [AssetClass: [Bool]] = [:]
            for assetClass in AssetClass.allCases {
                let optOut = settings[assetClass]?.optOutProbability ?? 0
                var random = SeededRandom.stream(
                    seed: seed, label: "dr-opt-out/\(assetClass.rawValue)/\(event.id)")
                flags[assetClass] = enrolled[assetClass]!.map { isEnrolled in
                    let stays = random.nextUnit() >= optOut
                    return isEnrolled && stays
                }
            }
            participating[event.id] = flags
        }
        self.enrolled = enrolled
        self.participating = participating
    }

    /// Whether asset `index` of `assetClass` takes part in the event `eventID`
    /// (false for an unknown event or index).
    public func participates(_ assetClass: AssetClass, asset index: Int, eventID: String) -> Bool {
        guard let flags = participating[eventID]?[assetClass], flags.indices.contains(index)
        else { return false }
        return flags[index]
    }

    /// Count of participating assets per class in `eventID`.
    public func participantCounts(eventID: String) -> [AssetClass: Int] {
        (participating[eventID] ?? [:]).mapValues { $0.filter { $0 }.count }
    }

    /// round(share × count) flags set, placed by a Fisher–Yates shuffle of the indices
    /// driven by the stream; written out here so the order never depends on the Swift
    /// library's shuffle.
    static func enrol(count: Int, share: Double, seed: UInt64, label: String) -> [Bool] {
        var random = SeededRandom.stream(seed: seed, label: label)
        var order = Array(0..<count)
        for position in stride(from: count - 1, to: 0, by: -1) {
            let other = min(Int(random.nextUnit() * Double(position + 1)), position)
            order.swapAt(position, other)
        }
        let enrolledCount = Int((share * Double(count)).rounded())
        var flags = Array(repeating: false, count: count)
        for index in order.prefix(enrolledCount) { flags[index] = true }
        return flags
    }
}
