import Engine
import InputData
import VPPCore

/// Reads the scenario's `events` object: explicit events, seeded event models and
/// participation. Every time must fall on a step boundary of the simulation grid.
enum EventsSection {
    static let keys = ["list", "generators", "participation", "baselineHistoryDays", "source"]
    static let eventKeys = ["id", "kind", "start", "end", "notice", "targetKW", "targetPercent",
                            "source"]
    static let generatorKeys = [
        "id", "kind", "eventsPerMonth", "weekdaysOnly", "earliestStartHour", "latestStartHour",
        "startStepMinutes", "durationHours", "durationWeights", "dayAheadShare",
        "dayAheadNoticeHour", "sameDayNoticeLeadHours", "targetKW", "targetPercent", "source",
    ]
    static let participationKeys = AssetClass.allCases.map(\.rawValue) + ["source"]
    static let classKeys = ["enrolledShare", "optOutProbability", "source"]
    static let kinds = DREventKind.allCases.map(\.rawValue)

    static func readEvents(_ reader: FieldReader, grid: TimeGrid) throws -> [DREvent] {
        var events: [DREvent] = []
        for entry in try reader.objects("list", allowed: eventKeys) {
            let id = try identifier(entry)
            let start = try entry.time("start"), end = try entry.time("end")
            let notice = try entry.time("notice")
            for (key, time) in [("start", start), ("end", end), ("notice", notice)] {
                try checkOnStep(entry, key, minutes: time.minutesSinceEpoch
                    - grid.start.minutesSinceEpoch, grid: grid)
            }
            guard start < end else {
                throw entry.inconsistency("end", "\(end) is not after start \(start)")
            }
            guard end.minutesSinceEpoch <= (start.dayNumber + 1) * 1440 else {
                throw entry.inconsistency("end", "\(end) is after the end of the start's day; "
                    + "split an event that crosses midnight into two")
            }
            guard start >= grid.start, end <= grid.end else {
                throw entry.inconsistency("start", "the event \(start) to \(end) is not inside "
                    + "the horizon \(grid.start) to \(grid.end)")
            }
            guard notice <= start else {
                throw entry.inconsistency("notice", "\(notice) is after the start \(start)")
            }
            let event = DREvent(
                id: id, kind: try kind(entry), start: start, end: end, notice: notice,
                target: try target(entry))
            if let previous = events.first(where: { $0.id == id || $0.overlaps(event) }) {
                throw entry.inconsistency("id", previous.id == id ? "the id '\(id)' is used twice"
                    : "overlaps the event '\(previous.id)'; events must not overlap")
            }
            events.append(event)
        }
        return events
    }

    static func readGenerators(_ reader: FieldReader, grid: TimeGrid)
        throws -> [EventGeneratorModel] {
        var models: [EventGeneratorModel] = []
        for entry in try reader.objects("generators", allowed: generatorKeys) {
            let id = try identifier(entry)
            guard !models.contains(where: { $0.id == id }) else {
                throw entry.inconsistency("id", "the id '\(id)' is used twice")
            }
            let perMonth = try entry.numbers("eventsPerMonth", in: 0...31,
                                             allowed: "a number of events from 0 to 31")
            guard perMonth.count == 12 else {
                throw entry.inconsistency("eventsPerMonth", "has \(perMonth.count) values; give "
                    + "12, January first")
            }
            let hours = "an hour of the day from 0 to 24"
            let earliest = try entry.number("earliestStartHour", in: 0...24, allowed: hours)
            let latest = try entry.number("latestStartHour", in: earliest...24,
                allowed: "an hour from earliestStartHour (\(formatNumber(earliest))) to 24")
            let startStep = try entry.integer("startStepMinutes", in: 1...1440, default: 60)
            let durations = try entry.numbers("durationHours", in: 0.000_001...24,
                                              allowed: "a duration in hours, > 0 and at most 24")
            guard !durations.isEmpty else {
                throw entry.inconsistency("durationHours", "is empty; give at least one duration")
            }
            let weights = try entry.numbers(
                "durationWeights", in: 0 ... .greatestFiniteMagnitude,
                allowed: "a weight of 0 or more", default: durations.map { _ in 1 })
            guard weights.count == durations.count, weights.contains(where: { $0 > 0 }) else {
                throw entry.inconsistency("durationWeights", "needs one weight per duration "
                    + "(\(durations.count)), not all zero")
            }
            guard latest + durations.max()! <= 24 else {
                throw entry.inconsistency("durationHours", "an event starting at latestStartHour "
                    + "\(formatNumber(latest)) with \(formatNumber(durations.max()!)) h would "
                    + "cross midnight")
            }
            let model = EventGeneratorModel(
                id: id, kind: try kind(entry), eventsPerMonth: perMonth,
                weekdaysOnly: try entry.bool("weekdaysOnly", default: true),
                earliestStartHour: earliest, latestStartHour: latest, startStepMinutes: startStep,
                durationHours: durations, durationWeights: weights,
                dayAheadShare: try entry.fraction("dayAheadShare", default: 1),
                dayAheadNoticeHour: try entry.number("dayAheadNoticeHour", in: 0...23.999_999,
                    allowed: "an hour of the day from 0 to less than 24", default: 16),
                sameDayNoticeLeadHours: try entry.number("sameDayNoticeLeadHours", in: 0...24,
                    allowed: "hours from 0 to 24", default: 2),
                target: try target(entry))
            try checkOnStep(entry, "earliestStartHour", minutes: earliest * 60, grid: grid)
            try checkOnStep(entry, "startStepMinutes", minutes: Double(startStep), grid: grid)
            try checkOnStep(entry, "dayAheadNoticeHour", minutes: model.dayAheadNoticeHour * 60,
                            grid: grid)
            try checkOnStep(entry, "sameDayNoticeLeadHours",
                            minutes: model.sameDayNoticeLeadHours * 60, grid: grid)
            for duration in durations {
                try checkOnStep(entry, "durationHours", minutes: duration * 60, grid: grid)
            }
            models.append(model)
        }
        return models
    }

    static func readParticipation(_ reader: FieldReader)
        throws -> [AssetClass: ClassParticipation] {
        guard let section = try reader.optionalObject("participation", allowed: participationKeys)
        else { return [:] }
        var settings: [AssetClass: ClassParticipation] = [:]
        for assetClass in AssetClass.allCases {
            guard let entry = try section.optionalObject(assetClass.rawValue, allowed: classKeys)
            else { continue }
            settings[assetClass] = ClassParticipation(
                enrolledShare: try entry.fraction("enrolledShare", default: 1),
                optOutProbability: try entry.fraction("optOutProbability", default: 0))
        }
        return settings
    }

    // MARK: Shared fields

    /// An `id` of letters, digits, `-`, `_` and `.` (it names events and columns in CSV).
    static func identifier(_ entry: FieldReader) throws -> String {
        let id = try entry.string("id")
        let allowed = id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "-_.".unicodeScalars.contains($0)
        }
        guard !id.isEmpty, allowed else {
            throw entry.outOfRange("id", "\"\(id)\"", "letters, digits, '-', '_' and '.'")
        }
        return id
    }

    static func kind(_ entry: FieldReader) throws -> DREventKind {
        DREventKind(rawValue: try entry.choice("kind", from: kinds, default: "peakShaving"))!
    }

    /// Exactly one of `targetKW` (> 0) and `targetPercent` (> 0, at most 100).
    static func target(_ entry: FieldReader) throws -> DRTarget {
        switch (entry.has("targetKW"), entry.has("targetPercent")) {
        case (true, false): return .kilowatts(try entry.positive("targetKW"))
        case (false, true): return .percentOfBaseline(try entry.positive("targetPercent",
                                                                          maximum: 100))
        default:
            throw entry.inconsistency("targetKW", "give exactly one of targetKW and targetPercent")
        }
    }

    static func checkOnStep(_ entry: FieldReader, _ key: String, minutes: Double,
                            grid: TimeGrid) throws {
        let step = Double(grid.stepMinutes)
        guard minutes == minutes.rounded(), (minutes / step) == (minutes / step).rounded() else {
            throw entry.inconsistency(key, "does not fall on a whole \(grid.stepMinutes)-minute "
                + "step of the horizon")
        }
    }

    static func checkOnStep(_ entry: FieldReader, _ key: String, minutes: Int,
                            grid: TimeGrid) throws {
        try checkOnStep(entry, key, minutes: Double(minutes), grid: grid)
    }
}
