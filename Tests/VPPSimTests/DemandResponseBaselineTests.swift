import DemandResponse
import Testing
import VPPCore

/// Twelve days of hourly load, Monday 2022-08-01 to Friday 2022-08-12, each day flat at:
///
///     Mon 1: 10   Tue 2: 11   Wed 3: 12   Thu 4: 13   Fri 5: 14   Sat 6: 30   Sun 7: 30
///     Mon 8: 15 (but 60 in hours 0-5)    Tue 9: 100 (an event day)    Wed 10: 16   Thu 11: 17
///     Fri 12 (the event day): 20, except 8 in hours 14-15 (the event) and 22 in hours 16-17.
let twelveDays: LoadHistory = {
    let flat: [Double] = [10, 11, 12, 13, 14, 30, 30, 15, 100, 16, 17, 20]
    var load: [Double] = []
    for (index, value) in flat.enumerated() {
        for hour in 0..<24 {
            switch (index + 1, hour) {
            case (8, 0...5): load.append(60)
            case (12, 14...15): load.append(8)
            case (12, 16...17): load.append(22)
            default: load.append(value)
            }
        }
    }
    let grid = TimeGrid(start: CivilTime(year: 2022, month: 8, day: 1), stepMinutes: 60,
                        stepCount: 288)
    return LoadHistory(grid: grid, loadKW: load)
}()

/// Day `day` of August 2022 at `hour`:00.
func august(_ day: Int, _ hour: Int = 0) -> CivilTime {
    CivilTime(year: 2022, month: 8, day: day, hour: hour)
}

/// Friday 12 August 14:00-16:00, announced at 12:00 the same day, target 5 kW.
let fridayEvent = DREvent(id: "e12", kind: .peakShaving, start: august(12, 14),
                          end: august(12, 16), notice: august(12, 12), target: .kilowatts(5))
let tuesdayNinth = august(9).dayNumber

/// All values here are sums of small integers divided by small integers; the tolerance
/// 1e-9 kW only absorbs the last-bit rounding of such divisions.
func close(_ values: [Double], _ expected: [Double]) -> Bool {
    values.count == expected.count && zip(values, expected).allSatisfy { abs($0 - $1) < 1e-9 }
}

@Suite("Demand response: customer baselines")
struct DemandResponseBaselineTests {
    /// Weekdays back from Fri 12, Tue 9 left out: Thu 11 (17), Wed 10 (16), Mon 8 (15 in the
    /// window), Fri 5 (14), Thu 4 (13). Mean (17 + 16 + 15 + 14 + 13) / 5 = 75 / 5 = 15 kW.
    @Test func averageOfFiveRecentWeekdaysSkipsEventDaysAndWeekends() {
        let method = BaselineMethod(id: "avg5", selection: .averageOfRecent(days: 5))
        let estimate = CustomerBaseline.estimate(
            method, event: fridayEvent, history: twelveDays, excludedDays: [tuesdayNinth])
        #expect(estimate.status == .ok)
        #expect(estimate.daysUsed == [11, 10, 8, 5, 4].map { august($0).dayNumber })
        #expect(close(estimate.baselineKW, [15, 15]))
    }

    /// Without leaving Tue 9 out: 17, 16, 100, 15, 14 → 162 / 5 = 32.4 kW.
    @Test func anEventDayNotExcludedDistortsTheBaseline() {
        let method = BaselineMethod(id: "avg5", selection: .averageOfRecent(days: 5))
        let estimate = CustomerBaseline.estimate(
            method, event: fridayEvent, history: twelveDays, excludedDays: [])
        #expect(close(estimate.baselineKW, [32.4, 32.4]))
    }

    /// 10-of-10 finds only 8 weekdays (Thu 11 ... Mon 1, without Tue 9):
    /// (17 + 16 + 15 + 14 + 13 + 12 + 11 + 10) / 8 = 108 / 8 = 13.5 kW, status fewer_days.
    @Test func tenOfTenWithShortHistoryAveragesTheDaysFound() {
        let estimate = CustomerBaseline.estimate(
            .tenOfTen, event: fridayEvent, history: twelveDays, excludedDays: [tuesdayNinth])
        #expect(estimate.status == .fewerDays)
        #expect(estimate.daysUsed.count == 8)
        #expect(close(estimate.baselineKW, [13.5, 13.5]))
    }

    /// 2-of-4: candidates Thu 11 (17), Wed 10 (16), Mon 8 (15), Fri 5 (14), ranked by the
    /// event-window mean; the top two give (17 + 16) / 2 = 16.5 kW. Mon 8 would rank first
    /// by its whole-day mean, (6·60 + 18·15) / 24 = 26.25, so the ranking uses the window.
    @Test func highestTwoOfFourRanksByTheEventWindow() {
        let method = BaselineMethod(id: "high2of4", selection: .highestOf(days: 2, outOf: 4))
        let estimate = CustomerBaseline.estimate(
            method, event: fridayEvent, history: twelveDays, excludedDays: [tuesdayNinth])
        #expect(estimate.status == .ok)
        #expect(estimate.daysUsed == [11, 10].map { august($0).dayNumber })
        #expect(close(estimate.baselineKW, [16.5, 16.5]))
    }

    /// Sunday 7, 14:00-16:00. Weekend days before it: only Sat 6 (30 kW), so 30, fewer_days.
    /// With allDays: Sat 6, Fri 5, Thu 4, Wed 3, Tue 2 → (30 + 14 + 13 + 12 + 11) / 5 = 16.
    @Test func weekendEventsUseWeekendDays() {
        let sunday = DREvent(id: "sun", kind: .peakShaving, start: august(7, 14),
                             end: august(7, 16), notice: august(7, 12), target: .kilowatts(1))
        let weekend = CustomerBaseline.estimate(
            BaselineMethod(id: "w", selection: .averageOfRecent(days: 5)), event: sunday,
            history: twelveDays, excludedDays: [])
        #expect(weekend.status == .fewerDays)
        #expect(close(weekend.baselineKW, [30, 30]))
        let anyDay = CustomerBaseline.estimate(
            BaselineMethod(id: "a", selection: .averageOfRecent(days: 5), dayType: .allDays),
            event: sunday, history: twelveDays, excludedDays: [])
        #expect(close(anyDay.baselineKW, [16, 16]))
    }

    /// Window 10:00-12:00 before the 12:00 notice: actual 20 kW on Fri 12; the five baseline
    /// days average 15 there (Mon 8's 60 kW hours are 0-5). Unadjusted baseline 15.
    /// - additive, cap 20 %: shift 20 − 15 = 5, capped at 0.2 · 15 = 3 → 18 kW.
    /// - additive, no cap: 15 + 5 = 20 kW.
    /// - multiplicative, cap 20 %: ratio 20 / 15 = 1.333, capped at 1.2 → 15 · 1.2 = 18 kW.
    /// - multiplicative, cap 50 %: ratio 1.333 kept → 15 · 4/3 = 20 kW.
    @Test func dayOfAdjustmentsAreCapped() {
        func adjusted(_ adjustment: BaselineAdjustment) -> BaselineEstimate {
            CustomerBaseline.estimate(
                BaselineMethod(id: "adj", selection: .averageOfRecent(days: 5),
                               adjustment: adjustment, adjustmentWindowHours: 2),
                event: fridayEvent, history: twelveDays, excludedDays: [tuesdayNinth])
        }
        let additive = adjusted(.additive(capFraction: 0.2))
        #expect(close(additive.unadjustedKW, [15, 15]))
        #expect(close([additive.additiveAdjustmentKW], [3]))
        #expect(close(additive.baselineKW, [18, 18]))
        #expect(close(adjusted(.additive(capFraction: nil)).baselineKW, [20, 20]))
        let capped = adjusted(.multiplicative(capFraction: 0.2))
        #expect(close([capped.adjustmentRatio], [1.2]))
        #expect(close(capped.baselineKW, [18, 18]))
        #expect(close(adjusted(.multiplicative(capFraction: 0.5)).baselineKW, [20, 20]))
    }

    /// Event Mon 8 14:00-16:00 with its notice eight days ahead, Sun 31 July 16:00: the
    /// adjustment window 14:00-16:00 on 31 July lies before the history. The baseline stays
    /// unadjusted, Fri 5 ... Mon 1: (14 + 13 + 12 + 11 + 10) / 5 = 60 / 5 = 12 kW, and is
    /// marked no_adjustment_window. An event on the first day has no earlier day: no_history.
    @Test func missingHistoryIsAStatusNotACrash() {
        let method = BaselineMethod(id: "adj", selection: .averageOfRecent(days: 5),
                                    adjustment: .additive(capFraction: 0.2))
        let monday = DREvent(id: "m", kind: .peakShaving, start: august(8, 14),
                             end: august(8, 16),
                             notice: CivilTime(year: 2022, month: 7, day: 31, hour: 16),
                             target: .kilowatts(1))
        let early = CustomerBaseline.estimate(method, event: monday, history: twelveDays,
                                              excludedDays: [])
        #expect(early.status == .noAdjustmentWindow)
        #expect(close(early.baselineKW, [12, 12]))
        let first = DREvent(id: "f", kind: .peakShaving, start: august(1, 14),
                            end: august(1, 16), notice: august(1, 12), target: .kilowatts(1))
        #expect(CustomerBaseline.estimate(method, event: first, history: twelveDays,
                                          excludedDays: []).status == .noHistory)
    }

    /// A 2-hour tail after the event (16:00-18:00) extends the baseline at 15 kW; the tail is
    /// cut at midnight for a late event (22:00-23:00 leaves one hour).
    @Test func reboundTailExtendsTheBaseline() {
        let method = BaselineMethod(id: "avg5", selection: .averageOfRecent(days: 5))
        let estimate = CustomerBaseline.estimate(
            method, event: fridayEvent, history: twelveDays, excludedDays: [tuesdayNinth],
            tailMinutes: 120)
        #expect(estimate.eventStepCount == 2 && estimate.tailStepCount == 2)
        #expect(close(estimate.baselineKW, [15, 15, 15, 15]))
        let late = DREvent(id: "l", kind: .peakShaving, start: august(11, 22),
                           end: august(11, 23), notice: august(11, 20), target: .kilowatts(1))
        #expect(CustomerBaseline.estimate(method, event: late, history: twelveDays,
                                          excludedDays: [], tailMinutes: 120).tailStepCount == 1)
    }
}
