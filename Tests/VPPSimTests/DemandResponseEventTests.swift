import DemandResponse
import Engine
import Testing
import VPPCore

/// Two weeks from Monday 2022-08-01, hourly.
let twoWeeks = TimeGrid(start: CivilTime(year: 2022, month: 8, day: 1), stepMinutes: 60,
                        stepCount: 14 * 24)

/// August 2022 has 23 weekdays (Mondays 1, 8, 15, 22, 29; 31 days = 4 weeks + Mon, Tue, Wed),
/// so 23 expected August events give a probability of 23 / 23 = 1 on every weekday.
func everyWeekday(_ id: String = "summer") -> EventGeneratorModel {
    var perMonth = Array(repeating: 0.0, count: 12)
    perMonth[7] = 23
    return EventGeneratorModel(
        id: id, eventsPerMonth: perMonth, earliestStartHour: 16, latestStartHour: 18,
        durationHours: [1, 2, 4], durationWeights: [1, 1, 0], dayAheadShare: 1,
        dayAheadNoticeHour: 16, target: .percentOfBaseline(10))
}

@Suite("Demand response: events and participation")
struct DemandResponseEventTests {
    /// Probability 1 on weekdays, none at weekends: the ten weekdays of the two weeks each
    /// get one event starting at 16, 17 or 18 h, lasting 1 or 2 h (4 h has weight 0),
    /// announced the day before at 16:00.
    @Test func generatorFollowsItsModel() {
        let events = everyWeekday().generate(on: twoWeeks, seed: 42)
        #expect(events.count == 10)
        #expect(events.allSatisfy { !$0.start.isWeekend })
        #expect(events.allSatisfy { [16.0, 17, 18].contains($0.start.hourOfDay) })
        #expect(events.allSatisfy { [60, 120].contains($0.durationMinutes) })
        #expect(events.allSatisfy {
            $0.notice == CivilTime(minutesSinceEpoch: ($0.dayNumber - 1) * 1440 + 16 * 60)
        })
        #expect(events.map(\.id) == (1...10).map { "summer-\($0)" })
    }

    /// The same seed gives the same events; another seed other start times or durations
    /// (10 events with 3 · 2 choices each: all equal by chance has odds 6^-10).
    @Test func generatorIsDeterministic() {
        let model = everyWeekday()
        #expect(model.generate(on: twoWeeks, seed: 42) == model.generate(on: twoWeeks, seed: 42))
        #expect(model.generate(on: twoWeeks, seed: 42) != model.generate(on: twoWeeks, seed: 43))
    }

    /// Zero expected events: none; occupied days are skipped without shifting other days.
    @Test func generatorSkipsOccupiedDaysAndZeroRates() {
        var quiet = everyWeekday()
        quiet.eventsPerMonth = Array(repeating: 0, count: 12)
        #expect(quiet.generate(on: twoWeeks, seed: 1).isEmpty)
        let all = everyWeekday().generate(on: twoWeeks, seed: 1)
        let firstDay = all[0].dayNumber
        let rest = everyWeekday().generate(on: twoWeeks, seed: 1, occupiedDays: [firstDay])
        #expect(rest.count == 9)
        #expect(rest.map(\.start) == all.dropFirst().map(\.start))
    }

    /// Notice Thu 11 16:00, event Fri 12 14:00-16:00: invisible before the notice, visible
    /// from it until the end, gone at 16:00.
    @Test func strategiesSeeEventsOnlyAfterNotice() {
        let event = DREvent(id: "e", kind: .peakShaving, start: august(12, 14),
                            end: august(12, 16), notice: august(11, 16), target: .kilowatts(5))
        let schedule = EventSchedule([event])
        #expect(schedule.visibleEvents(at: august(11, 15)).isEmpty)
        #expect(schedule.visibleEvents(at: august(11, 16)) == [event])
        #expect(schedule.visibleEvents(at: august(12, 15)) == [event])
        #expect(schedule.visibleEvents(at: august(12, 16)).isEmpty)
        #expect(schedule.activeEvent(at: august(12, 13)) == nil)
        #expect(event.steps(on: twoWeeks) == (11 * 24 + 14)..<(11 * 24 + 16))
    }

    /// Ten EVs with half enrolled: exactly round(0.5 · 10) = 5, the same five for the same
    /// seed. Opt-out 0 keeps all five in every event; opt-out 1 leaves none. Classes without
    /// settings are fully enrolled (three batteries).
    @Test func enrolmentIsExactAndReproducible() {
        let events = everyWeekday().generate(on: twoWeeks, seed: 7)
        let counts: [AssetClass: Int] = [.evs: 10, .batteries: 3]
        func plan(_ optOut: Double, seed: UInt64 = 7) -> ParticipationPlan {
            ParticipationPlan(
                settings: [.evs: ClassParticipation(enrolledShare: 0.5, optOutProbability: optOut)],
                assetCounts: counts, events: events, seed: seed)
        }
        let stays = plan(0)
        #expect(stays.enrolled[.evs]!.filter { $0 }.count == 5)
        #expect(stays.enrolled[.batteries] == [true, true, true])
        #expect(stays.enrolled == plan(0).enrolled)
        #expect(events.allSatisfy { stays.participating[$0.id]![.evs] == stays.enrolled[.evs] })
        #expect(events.allSatisfy { plan(1).participantCounts(eventID: $0.id)[.evs] == 0 })
    }

    /// Opt-out 0.5: flags are reproducible, a subset of the enrolled, and an event's flags do
    /// not change when another event is added (each event draws from its own stream).
    @Test func optOutsAreSeededPerEvent() {
        let events = everyWeekday().generate(on: twoWeeks, seed: 7)
        let settings: [AssetClass: ClassParticipation] = [
            .evs: ClassParticipation(enrolledShare: 0.8, optOutProbability: 0.5),
            .curtailableLoads: ClassParticipation(optOutProbability: 0.5),
        ]
        let counts: [AssetClass: Int] = [.evs: 20, .curtailableLoads: 6]
        let full = ParticipationPlan(settings: settings, assetCounts: counts, events: events,
                                     seed: 7)
        let again = ParticipationPlan(settings: settings, assetCounts: counts, events: events,
                                      seed: 7)
        let fewer = ParticipationPlan(settings: settings, assetCounts: counts,
                                      events: Array(events.prefix(1)), seed: 7)
        #expect(full == again)
        #expect(fewer.participating[events[0].id] == full.participating[events[0].id])
        for event in events {
            let flags = full.participating[event.id]![.evs]!
            #expect(zip(flags, full.enrolled[.evs]!).allSatisfy { !$0 || $1 })
        }
        #expect(full.participates(.evs, asset: 99, eventID: events[0].id) == false)
    }
}
