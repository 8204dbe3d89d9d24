import Foundation
import InputData
import Strategies
import Testing
import VPPCore

@Suite("Civil time, resampling, tariffs")
struct CoreTests {
    @Test func civilCalendar() {
        let monday = CivilTime(iso8601: "2022-08-01T00:00:00")!
        #expect(monday.isoWeekday == 1)
        #expect(CivilTime(iso8601: "2022-07-31T23:00")!.isoWeekday == 7)
        #expect(CivilTime(iso8601: "2000-02-29T12:30:00")!.description == "2000-02-29T12:30:00")
        #expect(CivilTime(iso8601: "2023-02-29T00:00:00") == nil)
        #expect(CivilTime(iso8601: "2023-01-01T24:00:00") == nil)
        #expect(CivilTime(iso8601: "1969-12-31T23:59:00")!.minutesSinceEpoch == -1)
        #expect(CivilTime(year: 2024, month: 3, day: 1).adding(minutes: -1440).date == (2024, 2, 29))
    }

    /// Hourly values 1 and 2 kW: on a 15-minute grid each hour is held (energy per hour kept);
    /// on a 2-hour grid the average 1.5 kW.
    @Test func resamplingConservesEnergy() throws {
        let series = ProfileSeries(
            file: "f.csv", column: "c", start: CivilTime(year: 2022, month: 1, day: 1),
            intervalMinutes: 60, values: [1, 2])
        let fine = TimeGrid(start: series.start, stepMinutes: 15, stepCount: 8)
        #expect(try series.resampled(to: fine) == [1, 1, 1, 1, 2, 2, 2, 2])
        let coarse = TimeGrid(start: series.start, stepMinutes: 120, stepCount: 1)
        #expect(try series.resampled(to: coarse) == [1.5])
        let late = TimeGrid(start: series.start.adding(minutes: 30), stepMinutes: 60, stepCount: 2)
        #expect(throws: InputDataError.self) { try series.resampled(to: late) }
    }

    /// SCE TOU-EV-8 (June 2019): summer weekdays 16:00–21:00 at 0.49619, weekends 0.25563,
    /// otherwise 0.12597; winter 08:00–16:00 at 0.07724 (values read from the file).
    @Test func touTariffFromAcnportal() throws {
        let url = repositoryRoot.appendingPathComponent("scenarios/data/tariffs/sce_tou_ev_8_june_2019.json")
        let tariff = try TOUTariff(contentsOf: url, displayName: "sce")
        #expect(tariff.price(at: CivilTime(iso8601: "2019-07-01T17:00:00")!) == 0.49619)
        #expect(tariff.price(at: CivilTime(iso8601: "2019-07-06T17:00:00")!) == 0.25563)
        #expect(tariff.price(at: CivilTime(iso8601: "2019-07-01T15:59:00")!) == 0.12597)
        #expect(tariff.price(at: CivilTime(iso8601: "2019-12-02T08:30:00")!) == 0.07724)
    }

    /// Load 1, 3, 5, 3 kW over hours and 2 kWh to spend: shaving to 3 kW uses exactly
    /// (5 − 3)·1 h = 2 kWh.
    @Test func peakThresholdWaterFilling() {
        let level = PeakThreshold.level(load: [1, 3, 5, 3], stepHours: 1, energyKWh: 2)
        #expect(abs(level - 3) < 1e-8)
        // More energy than the whole load: the level floors at zero, since shaving never exports.
        #expect(PeakThreshold.level(load: [1, 3], stepHours: 1, energyKWh: 100) == 0)
        // A flat 2 kW load over 4 h with 1 kWh: 4·(2 − L) = 1, L = 1.75.
        #expect(abs(PeakThreshold.level(load: [2, 2, 2, 2], stepHours: 1, energyKWh: 1) - 1.75) < 1e-8)
    }

    @Test func seededRandomIsReproducible() {
        var a = SeededRandom(seed: 7)
        var b = SeededRandom(seed: 7)
        var c = SeededRandom.stream(seed: 7, label: "other")
        let first = (0..<5).map { _ in a.next() }
        #expect(first == (0..<5).map { _ in b.next() })
        #expect(first != (0..<5).map { _ in c.next() })
        let unit = a.nextUnit()
        #expect(unit >= 0 && unit < 1)
    }
}

/// The repository's root folder, found from this file's path.
let repositoryRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
