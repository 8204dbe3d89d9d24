import DemandResponse
import InputData
import Testing
import VPPCore

/// Reads `events`, `baselines` and `settlement` from one JSON object's members.
func readProgramme(_ text: String, grid: TimeGrid = twoWeeks) throws
    -> DemandResponseConfiguration {
    let root = try JSONParser.parse(text)
    return try DemandResponseConfiguration.read(
        events: root["events"], baselines: root["baselines"], settlement: root["settlement"],
        file: "s.json", grid: grid)
}

/// The error thrown for `text`, as its message.
func programmeError(_ text: String) -> String? {
    do {
        _ = try readProgramme(text)
        return nil
    } catch let error as ScenarioError {
        return error.description
    } catch {
        return "unexpected \(error)"
    }
}

@Suite("Demand response: scenario sections")
struct DemandResponseReaderTests {
    @Test func readsAFullProgramme() throws {
        let programme = try readProgramme("""
        {"events": {
           "list": [{"id": "hot-day", "start": "2022-08-12T14:00", "end": "2022-08-12T16:00",
                     "notice": "2022-08-11T16:00", "targetKW": 50, "source": "assumption"}],
           "generators": [{"id": "summer", "eventsPerMonth": [0,0,0,0,0,0,2,23,2,0,0,0],
                           "earliestStartHour": 16, "latestStartHour": 18,
                           "durationHours": [1, 2], "targetPercent": 10}],
           "participation": {"evs": {"enrolledShare": 0.3, "optOutProbability": 0.2}}},
         "baselines": [{"id": "10of10", "method": "averageOfRecent"},
                       {"id": "5of10-adj", "method": "highestOf", "adjustment": "additive"}],
         "settlement": {"capacityPricePerKW": 3, "underDelivery": "penaltyPerKWShort",
                        "penaltyPerKWShort": 1.5}}
        """)
        #expect(programme.events.map(\.id) == ["hot-day"])
        #expect(programme.events[0].target == .kilowatts(50))
        #expect(programme.generators[0].target == .percentOfBaseline(10))
        #expect(programme.participation[.evs]
            == ClassParticipation(enrolledShare: 0.3, optOutProbability: 0.2))
        #expect(programme.baselines[0] == .tenOfTen)
        #expect(programme.baselines[1].selection == .highestOf(days: 5, outOf: 10))
        #expect(programme.baselines[1].adjustment == .additive(capFraction: 0.2))
        #expect(programme.settlement.underDelivery == .penaltyPerKWShort(pricePerKW: 1.5))
        // 23 August events over 23 weekdays: every weekday. Fri 12 holds the listed event,
        // so the generator leaves it: 9 generated + 1 listed.
        let schedule = programme.schedule(grid: twoWeeks, seed: 3)
        #expect(schedule.events.count == 10)
        #expect(schedule.events.filter { $0.dayNumber == august(12).dayNumber }.count == 1)
    }

    @Test func absentSectionsGiveDefaults() throws {
        let programme = try readProgramme("{}")
        #expect(programme.events.isEmpty && programme.generators.isEmpty)
        #expect(programme.baselines == [.tenOfTen])
        #expect(programme.settlement == SettlementTerms())
    }

    @Test func errorsNameTheFieldTheValueAndWhatIsAllowed() {
        let unknownKey: String = "s.json:1: 'events' has an unknown key 'lsit' "
            + "(did you mean 'list'?); allowed keys are: list, generators, participation, "
            + "baselineHistoryDays, source"
        #expect(programmeError(#"{"events": {"lsit": []}}"#) == unknownKey)
        #expect(programmeError(#"{"events": {"baselineHistoryDays": 400}}"#)
            == "s.json:1: 'events.baselineHistoryDays' is 400; allowed: a whole number from 0 "
            + "to 366")

        let offStep = """
            {"events": {"list": [{"id": "a", "start": "2022-08-12T14:30", \
            "end": "2022-08-12T16:00", "notice": "2022-08-12T12:00", "targetKW": 1}]}}
            """
        let offStepMessage: String = "s.json:1: 'events.list[0].start': does not fall on a "
            + "whole 60-minute step of the horizon"
        #expect(programmeError(offStep) == offStepMessage)

        let twoTargets = """
            {"events": {"list": [{"id": "a", "start": "2022-08-12T14:00", \
            "end": "2022-08-12T16:00", "notice": "2022-08-12T12:00", "targetKW": 1, \
            "targetPercent": 5}]}}
            """
        let twoTargetsMessage: String = "s.json:1: 'events.list[0].targetKW': give exactly "
            + "one of targetKW and targetPercent"
        #expect(programmeError(twoTargets) == twoTargetsMessage)

        let outside = """
            {"events": {"list": [{"id": "a", "start": "2022-09-12T14:00", \
            "end": "2022-09-12T16:00", "notice": "2022-09-12T12:00", "targetKW": 1}]}}
            """
        let outsideMessage = programmeError(outside) ?? ""
        #expect(outsideMessage.contains("is not inside the horizon 2022-08-01T00:00:00"))

        let averageWithOutOf = """
            {"baselines": [{"id": "x", "method": "averageOfRecent", "outOf": 4}]}
            """
        let outOfMessage: String = "s.json:1: 'baselines[0].outOf': applies only to the "
            + "method \"highestOf\""
        #expect(programmeError(averageWithOutOf) == outOfMessage)

        let sixOfFour = """
            {"baselines": [{"id": "x", "method": "highestOf", "days": 6, "outOf": 4}]}
            """
        let sixOfFourMessage: String = "s.json:1: 'baselines[0].outOf' is 4; allowed: a "
            + "whole number from 6 to 90"
        #expect(programmeError(sixOfFour) == sixOfFourMessage)

        let penaltyMessage = programmeError(#"{"settlement": {"penaltyPerKWShort": 2}}"#) ?? ""
        #expect(penaltyMessage.hasPrefix(
            "s.json:1: 'settlement.penaltyPerKWShort': is given but underDelivery"))

        let thresholdMessage: String = "s.json:1: 'settlement.performanceThreshold' is 1.5; "
            + "allowed: a fraction from 0 to 1"
        #expect(programmeError(#"{"settlement": {"performanceThreshold": 1.5}}"#)
            == thresholdMessage)
    }
}
