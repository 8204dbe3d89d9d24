import InputData
import Assets
import VPPCore

/// A daily appliance run: `energyKWh` at up to `maxPowerKW` between `windowStartHour` and
/// `windowEndHour` (which may be on the next day), preferring to start at `preferredStartHour`.
enum ShiftableLoadSection {
    static let keys = [
        "id", "count", "agents", "energyKWh", "maxPowerKW", "windowStartHour", "windowEndHour",
        "preferredStartHour", "source",
    ]

    static func read(
        _ reader: FieldReader, id: String, population: Population, grid: TimeGrid
    ) throws -> [(id: String, jobs: [ShiftableJob])] {
        let energy = try reader.positive("energyKWh")
        let power = try reader.positive("maxPowerKW")
        let hour = "an hour of the day from 0 to 24"
        let windowStart = try reader.number("windowStartHour", in: 0...24, allowed: hour)
        let windowEnd = try reader.number("windowEndHour", in: 0...24, allowed: hour)
        let windowHours = windowEnd > windowStart
            ? windowEnd - windowStart : windowEnd + 24 - windowStart
        guard energy <= power * windowHours else {
            throw reader.inconsistency(
                "energyKWh", "\(formatNumber(energy)) kWh cannot be drawn at "
                    + "\(formatNumber(power)) kW within a \(formatNumber(windowHours)) h window")
        }
        let preferred = try reader.number(
            "preferredStartHour", in: 0...24, allowed: hour, default: windowStart)
        let preferredOffset = (preferred - windowStart + 24).truncatingRemainder(dividingBy: 24)
        guard preferredOffset + energy / power <= windowHours + 1e-9 else {
            throw reader.inconsistency(
                "preferredStartHour", "a run starting at \(formatNumber(preferred)) "
                    + "h would end after the window closes at \(formatNumber(windowEnd)) h")
        }

        var jobs: [ShiftableJob] = []
        for day in (grid.start.dayNumber - 1)...grid.end.dayNumber {
            let dayMinutes = Double(day * 1440 - grid.start.minutesSinceEpoch)
            let release = stepAtOrAfter(dayMinutes + windowStart * 60, grid)
            let windowEnd = stepAtOrBefore(dayMinutes + (windowStart + windowHours) * 60, grid)
            let start = stepAtOrAfter(dayMinutes + (windowStart + preferredOffset) * 60, grid)
            guard release >= 0, release < grid.stepCount else { continue }
            // A window that runs past the horizon is cut at its end when the run still fits
            // there, so that no strategy can leave work for after the simulation.
            let fitsBeforeEnd =
                Double(grid.stepCount - start) * power * grid.stepHours + 1e-9 >= energy
            let deadline = fitsBeforeEnd ? min(windowEnd, grid.stepCount) : windowEnd
            let capacityKWh = Double(deadline - start) * power * grid.stepHours
            guard capacityKWh + 1e-9 >= energy else {
                throw reader.inconsistency(
                    "windowEndHour", "on a \(grid.stepMinutes)-minute grid the "
                        + "run no longer fits between its preferred start and the window's end; "
                        + "widen the window")
            }
            jobs.append(ShiftableJob(
                releaseStep: release, deadlineStep: deadline, preferredStartStep: start,
                energyKWh: energy, maxPowerKW: power))
        }
        return population.devicesPerAgent.enumerated().map { index, devices in
            (population.agentID(id, index: index), jobs.map { $0.representing(devices) })
        }
    }

    private static func stepAtOrAfter(_ minutes: Double, _ grid: TimeGrid) -> Int {
        Int((minutes / Double(grid.stepMinutes)).rounded(.up))
    }

    private static func stepAtOrBefore(_ minutes: Double, _ grid: TimeGrid) -> Int {
        Int((minutes / Double(grid.stepMinutes)).rounded(.down))
    }
}
