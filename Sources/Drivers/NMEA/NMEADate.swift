import Glibc

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

    /// Seconds from 1970-01-01T00:00:00Z to the start of this day; `nil` for a day the calendar
    /// does not have, such as 31 February (the field check allows any day up to 31). `timegm`
    /// rolls such a day into the next month and writes the day it took into its fields, so a
    /// day that changed there was not a real one.
    var secondsSinceEpoch: Int? {
        var fields = tm()
        (fields.tm_year, fields.tm_mon, fields.tm_mday) = (Int32(year - 1900), Int32(month - 1), Int32(day))
        let asked = (fields.tm_year, fields.tm_mon, fields.tm_mday)
        let seconds = timegm(&fields)
        return (fields.tm_year, fields.tm_mon, fields.tm_mday) == asked ? seconds : nil
    }
}
