/// A UTC date as NMEA writes it, `ddmmyy`.
public struct NMEADate: Sendable, Hashable {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `nil` for an empty field. Two-digit years from 80 are 19yy, below 80 are 20yy: GPS began
    /// in 1980, so no receiver reports an earlier date.
    init?(field text: String) throws(DriverError) {
        guard !text.isEmpty else { return nil }
        guard text.count == 6, text.allSatisfy({ ("0"..."9").contains($0) }),
            let day = Int(text.prefix(2)), let month = Int(text.dropFirst(2).prefix(2)),
            let year = Int(text.suffix(2)),
            (1...12).contains(month), (1...31).contains(day)
        else {
            throw .malformed(sensor: .nmea, reason: "date \"\(text)\" is not ddmmyy")
        }
        self.init(year: year >= 80 ? 1900 + year : 2000 + year, month: month, day: day)
    }

    /// Days from 1970-01-01 in the proleptic Gregorian calendar; `nil` for a day the calendar
    /// does not have, such as 31 February (the field check allows any day up to 31).
    var daysSinceEpoch: Int? {
        guard (1...12).contains(month), (1...daysInMonth).contains(day) else { return nil }
        // H. Hinnant's days_from_civil: years counted from March put the leap day at the end,
        // and a 400-year era repeats exactly.
        let marchYear = month <= 2 ? year - 1 : year
        let era = (marchYear >= 0 ? marchYear : marchYear - 399) / 400
        let yearOfEra = marchYear - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    private var daysInMonth: Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
