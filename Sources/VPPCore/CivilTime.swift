/// A wall-clock date and time without a time zone, counted in whole minutes.
///
/// Scenario data are local time series (hour-beginning), so vppsim works in civil time and
/// never converts to UTC. Days are counted from 1970-01-01 on the proleptic Gregorian
/// calendar; daylight-saving shifts are not modelled (the bundled data has none).
public struct CivilTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// Minutes since 1970-01-01T00:00.
    public let minutesSinceEpoch: Int

    public init(minutesSinceEpoch: Int) {
        self.minutesSinceEpoch = minutesSinceEpoch
    }

    public init(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0) {
        let days = CivilTime.daysFromCivil(year: year, month: month, day: day)
        minutesSinceEpoch = days * 1440 + hour * 60 + minute
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS]` (seconds must be zero); returns nil otherwise.
    public init?(iso8601 text: String) {
        let bytes = Array(text.utf8)
        guard bytes.count == 16 || bytes.count == 19 else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = bytes[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        guard bytes[4] == 45, bytes[7] == 45, bytes[10] == 84 || bytes[10] == 32, bytes[13] == 58,
              let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16)
        else { return nil }
        if bytes.count == 19 {
            guard bytes[16] == 58, number(17..<19) == 0 else { return nil }
        }
        guard (1...12).contains(month), (1...CivilTime.daysIn(month: month, year: year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute)
        else { return nil }
        self.init(year: year, month: month, day: day, hour: hour, minute: minute)
    }

    public var dayNumber: Int { minutesSinceEpoch.floorDivided(by: 1440) }
    public var minuteOfDay: Int { minutesSinceEpoch - dayNumber * 1440 }
    /// Hour of day as a real number, 0 ..< 24.
    public var hourOfDay: Double { Double(minuteOfDay) / 60 }
    /// ISO weekday: 1 = Monday ... 7 = Sunday.
    public var isoWeekday: Int { (dayNumber + 3).floorModulo(7) + 1 }
    public var isWeekend: Bool { isoWeekday >= 6 }

    public var date: (year: Int, month: Int, day: Int) { CivilTime.civilFromDays(dayNumber) }

    public func adding(minutes: Int) -> CivilTime {
        CivilTime(minutesSinceEpoch: minutesSinceEpoch + minutes)
    }

    /// `YYYY-MM-DDTHH:MM:SS`.
    public var description: String {
        let (year, month, day) = date
        let minute = minuteOfDay
        return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))T"
            + "\(pad(minute / 60, 2)):\(pad(minute % 60, 2)):00"
    }

    public static func < (lhs: CivilTime, rhs: CivilTime) -> Bool {
        lhs.minutesSinceEpoch < rhs.minutesSinceEpoch
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01, counting whole 400-year eras of 146,097 days from 0000-03-01.
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = shiftedYear.floorDivided(by: 400)
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = shifted.floorDivided(by: 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthFromMarch = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1
        let month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let text = String(value)
    return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
}

extension Int {
    /// Division rounding towards minus infinity.
    public func floorDivided(by divisor: Int) -> Int {
        let quotient = self / divisor
        return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// A remainder in 0 ..< divisor for a positive divisor.
    public func floorModulo(_ divisor: Int) -> Int {
        self - floorDivided(by: divisor) * divisor
    }
}
