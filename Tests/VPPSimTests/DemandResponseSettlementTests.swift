import DemandResponse
import Testing
import VPPCore

/// Settlement of the Friday event of DemandResponseBaselineTests (14:00-16:00, hourly):
/// baseline 15 kW (average of five weekdays), actual 8 kW, then 22 kW for 16:00-18:00.
/// Delivered 15 − 8 = 7 kW on average, 7 · 2 h = 14 kWh. Rebound (22 − 15) · 2 h = 14 kWh.
@Suite("Demand response: settlement")
struct DemandResponseSettlementTests {
    let averageOfFive = BaselineMethod(id: "avg5", selection: .averageOfRecent(days: 5))

    func settle(_ event: DREvent, _ terms: SettlementTerms) -> EventSettlement {
        let baseline = CustomerBaseline.estimate(
            averageOfFive, event: event, history: twelveDays, excludedDays: [tuesdayNinth],
            tailMinutes: 120)
        let actual = twelveDays.values(from: event.start, minutes: 240)!
        return Settlement.settle(event: event, baseline: baseline, actualKW: actual,
                                 stepHours: 1, terms: terms)!
    }

    /// Target 5 kW, committed basis at 10 per kW → 50; energy 0.5 per kWh · 14 → 7;
    /// 140 % of target, no penalty; net 57.
    @Test func overDeliveryEarnsCapacityAndEnergy() {
        let terms = SettlementTerms(capacityPricePerKW: 10, energyPricePerKWh: 0.5,
                                    performanceThreshold: 0.8)
        let settled = settle(fridayEvent, terms)
        #expect(close([settled.baselineMeanKW, settled.actualMeanKW], [15, 8]))
        #expect(close([settled.deliveredKW, settled.deliveredKWh], [7, 14]))
        #expect(close([settled.targetMetPercent], [140]))
        #expect(close([settled.capacityPayment, settled.energyPayment, settled.penalty],
                      [50, 7, 0]))
        #expect(close([settled.netPayment, settled.reboundKWh], [57, 14]))
    }

    /// Delivered basis: credited min(7, 5) = 5 kW → 50; target 10 kW credits all 7 → 70.
    @Test func deliveredBasisCreditsUpToTheTarget() {
        let terms = SettlementTerms(capacityPricePerKW: 10, capacityBasis: .delivered,
                                    performanceThreshold: 0)
        #expect(close([settle(fridayEvent, terms).capacityPayment], [50]))
        var bigger = fridayEvent
        bigger.target = .kilowatts(10)
        #expect(close([settle(bigger, terms).capacityPayment], [70]))
    }

    /// Target 10 kW, delivered 7: performance 0.7 < threshold 0.8.
    /// - proRata: capacity 10 · 10 · 0.7 = 70; energy 0.5 · 14 = 7; net 77.
    /// - penalty 4 per kW short: capacity 10 · 10 = 100; penalty 4 · (10 − 7) = 12;
    ///   net 100 + 7 − 12 = 95.
    @Test func underDeliveryIsPaidProRataOrPenalised() {
        var event = fridayEvent
        event.target = .kilowatts(10)
        let proRata = settle(event, SettlementTerms(
            capacityPricePerKW: 10, energyPricePerKWh: 0.5, performanceThreshold: 0.8))
        #expect(close([proRata.targetMetPercent, proRata.capacityPayment], [70, 70]))
        #expect(close([proRata.netPayment], [77]))
        let penalised = settle(event, SettlementTerms(
            capacityPricePerKW: 10, energyPricePerKWh: 0.5, performanceThreshold: 0.8,
            underDelivery: .penaltyPerKWShort(pricePerKW: 4)))
        #expect(close([penalised.capacityPayment, penalised.penalty], [100, 12]))
        #expect(close([penalised.netPayment], [95]))
    }

    /// 20 % below a 15 kW baseline is 3 kW; 7 delivered is 7 / 3 = 233.33 % of it.
    @Test func percentTargetsFollowTheBaseline() {
        var event = fridayEvent
        event.target = .percentOfBaseline(20)
        let settled = settle(event, SettlementTerms())
        #expect(close([settled.targetKW, settled.targetMetPercent], [3, 700.0 / 3]))
    }

    /// Valley filling over two half-hour steps and a one-step tail: baseline 10, 10, 10;
    /// actual 13, 14, 9. Response = actual − baseline = 3, 4 → 3.5 kW, (3 + 4) · 0.5 = 3.5
    /// kWh; the tail's 1 kW below the baseline is a rebound of 1 · 0.5 = 0.5 kWh.
    @Test func valleyFillingCountsLoadAboveTheBaseline() {
        let event = DREvent(id: "v", kind: .valleyFilling, start: august(2, 1),
                            end: august(2, 2), notice: august(1, 16), target: .kilowatts(2))
        let baseline = BaselineEstimate(
            methodID: "given", status: .ok, daysUsed: [], eventStepCount: 2, tailStepCount: 1,
            unadjustedKW: [10, 10, 10], baselineKW: [10, 10, 10], additiveAdjustmentKW: 0,
            adjustmentRatio: 1)
        let settled = Settlement.settle(event: event, baseline: baseline, actualKW: [13, 14, 9],
                                        stepHours: 0.5, terms: SettlementTerms())!
        #expect(close([settled.deliveredKW, settled.deliveredKWh, settled.reboundKWh],
                      [3.5, 3.5, 0.5]))
        #expect(close([settled.targetMetPercent], [175]))
    }

    /// Two events (Tue 9 and Fri 12) under two methods: four rows, Tue 9 left out of Fri
    /// 12's baseline because it is an event day. The Fri 12 avg5 row is the overDelivery case.
    @Test func eventsCSVHasOneRowPerEventAndMethod() {
        let tuesday = DREvent(id: "e09", kind: .peakShaving, start: august(9, 14),
                              end: august(9, 16), notice: august(8, 16), target: .kilowatts(5))
        let high = BaselineMethod(id: "high2of4", selection: .highestOf(days: 2, outOf: 4))
        let rows = EventsTable.settle(
            schedule: EventSchedule([fridayEvent, tuesday]), methods: [averageOfFive, high],
            terms: SettlementTerms(capacityPricePerKW: 10, energyPricePerKWh: 0.5,
                                   performanceThreshold: 0.8),
            meteredLoad: twelveDays)
        #expect(rows.map { "\($0.event.id)/\($0.methodID)" }
            == ["e09/avg5", "e09/high2of4", "e12/avg5", "e12/high2of4"])
        let lines = EventsTable.csv(rows, currency: "CNY").split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines[0].hasPrefix("event_id,kind,baseline_method,status,notice,start,end,"))
        #expect(lines[0].hasSuffix(
            "penalty_CNY,net_payment_CNY,rebound_kWh,planned_kW,opted_out_assets"))
        #expect(lines[3] == "e12,peakShaving,avg5,ok,2022-08-12T12:00:00,2022-08-12T14:00:00,"
            + "2022-08-12T16:00:00,5,15.0000,8.0000,0.0000,1.0000,5.0000,7.0000,14.0000,"
            + "140.0000,50.0000,7.0000,0.0000,57.0000,14.0000,,0")
    }
}
