import Engine
import InputData
import VPPCore

/// A scenario's demand-response programme: its events (explicit and generated), who takes
/// part, the baseline methods that measure the response, and the settlement terms.
public struct DemandResponseConfiguration: Sendable, Equatable {
    public var events: [DREvent]
    public var generators: [EventGeneratorModel]
    public var participation: [AssetClass: ClassParticipation]
    public var baselines: [BaselineMethod]
    public var settlement: SettlementTerms
    /// Whole days before the horizon over which the site runs uncontrolled, so that
    /// customer baselines find prior days (`events.baselineHistoryDays`, default 0).
    public var baselineHistoryDays: Int = 0

    public init(events: [DREvent] = [], generators: [EventGeneratorModel] = [],
                participation: [AssetClass: ClassParticipation] = [:],
                baselines: [BaselineMethod] = [.tenOfTen],
                settlement: SettlementTerms = SettlementTerms()) {
        self.events = events
        self.generators = generators
        self.participation = participation
        self.baselines = baselines
        self.settlement = settlement
    }

    /// Reads the three top-level sections of a scenario; each may be absent (nil).
    /// - Parameters:
    ///   - file: how messages name the scenario file.
    ///   - grid: the simulation grid; every event time must be one of its step boundaries.
    public static func read(
        events: JSONValue?, baselines: JSONValue?, settlement: JSONValue?, file: String,
        grid: TimeGrid
    ) throws -> DemandResponseConfiguration {
        var configuration = DemandResponseConfiguration()
        if let events {
            let reader = try FieldReader(events, file: file, path: "events",
                                           allowed: EventsSection.keys)
            configuration.events = try EventsSection.readEvents(reader, grid: grid)
            configuration.generators = try EventsSection.readGenerators(reader, grid: grid)
            configuration.participation = try EventsSection.readParticipation(reader)
            configuration.baselineHistoryDays = try reader.integer(
                "baselineHistoryDays", in: 0...366, default: 0)
        }
        if let baselines {
            configuration.baselines = try readBaselines(baselines, file: file, grid: grid)
        }
        configuration.settlement = try ProgrammeSections.readSettlement(settlement.map {
            try FieldReader($0, file: file, path: "settlement",
                              allowed: ProgrammeSections.settlementKeys)
        })
        return configuration
    }

    private static func readBaselines(_ value: JSONValue, file: String, grid: TimeGrid)
        throws -> [BaselineMethod] {
        guard case let .array(elements, _) = value, !elements.isEmpty else {
            throw ScenarioError.wrongType(
                file: file, field: "baselines", line: value.line,
                expected: "a non-empty list of baseline methods", found: value.typeName,
                value: value.shortText)
        }
        var methods: [BaselineMethod] = []
        for (index, element) in elements.enumerated() {
            let entry = try FieldReader(element, file: file, path: "baselines[\(index)]",
                                          allowed: ProgrammeSections.baselineKeys)
            let method = try ProgrammeSections.readBaseline(entry, grid: grid)
            guard !methods.contains(where: { $0.id == method.id }) else {
                throw ScenarioError.inconsistent(
                    file: file, field: "baselines[\(index)].id", line: entry.lineOf("id"),
                    detail: "the id '\(method.id)' is used twice")
            }
            methods.append(method)
        }
        return methods
    }

    /// The events of a run: the explicit ones, then each model's in order; a model skips
    /// days that already hold an event, so no two events share a day unless both are listed.
    public func schedule(grid: TimeGrid, seed: UInt64) -> EventSchedule {
        var all = events
        for model in generators {
            all += model.generate(on: grid, seed: seed, occupiedDays: Set(all.map(\.dayNumber)))
        }
        return EventSchedule(all)
    }

    /// What the engine enforces: the enrolled assets, and per event those that sit it out.
    /// Nil when the scenario sets no participation (every asset takes part in everything).
    public func participation(for input: SimulationInput, schedule: EventSchedule)
        -> Participation? {
        guard !participation.isEmpty else { return nil }
        let plan = participationPlan(for: input, schedule: schedule)
        var optedOut: [String: AssetFlags] = [:]
        for (eventID, flags) in plan.participating {
            optedOut[eventID] = AssetFlags(flags.merging(plan.enrolled) { taking, enrolled in
                zip(taking, enrolled).map { !$0 && $1 }
            })
        }
        return Participation(enrolled: AssetFlags(plan.enrolled), optedOut: optedOut)
    }

    /// Enrolment and per-event participation for the fleet of `input`.
    public func participationPlan(for input: SimulationInput, schedule: EventSchedule)
        -> ParticipationPlan {
        ParticipationPlan(settings: participation, assetCounts: AssetClass.counts(in: input),
                          events: schedule.events, seed: input.seed)
    }
}
