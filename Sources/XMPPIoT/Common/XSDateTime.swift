import FoundationEssentials

/// An xs:dateTime: a point in time and whether the text named a time zone.
///
/// Peers send both forms: slixmpp writes naive local time (`2025-03-01T10:00:00`), Smack
/// and we write UTC (`2025-03-01T10:15:00Z`). A zone-less value is read as UTC — the
/// gateway's own clock is UTC — and remembered as zone-less so a reply can match it.
public struct XSDateTime: Sendable, Hashable {
    public var date: Date
    public var hasTimeZone: Bool

    public init(_ date: Date, hasTimeZone: Bool = true) {
        self.date = date
        self.hasTimeZone = hasTimeZone
    }

    /// Reads `YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]`; nil for anything else.
    public init?(lexical text: String) {
        let scalars = Array(text.trimmingWhitespace().unicodeScalars)
        var reader = DigitReader(scalars)
        var negativeYear = false
        if reader.peek == "-" { negativeYear = true; reader.index += 1 }
        guard let yearDigits = reader.digits(minimum: 4), reader.take("-"),
              let month = reader.number(2), reader.take("-"), let day = reader.number(2), reader.take("T"),
              let hour = reader.number(2), reader.take(":"), let minute = reader.number(2), reader.take(":"),
              let second = reader.number(2)
        else { return nil }
        var fraction = 0.0
        if reader.take(".") {
            guard let digits = reader.digitText(), let value = Double("0." + digits) else { return nil }
            fraction = value
        }
        var offsetSeconds = 0
        var hasZone = false
        if reader.take("Z") {
            hasZone = true
        } else if let sign = reader.peek, sign == "+" || sign == "-" {
            reader.index += 1
            guard let zoneHour = reader.number(2), reader.take(":"), let zoneMinute = reader.number(2),
                  zoneHour <= 14, zoneMinute < 60 else { return nil }
            offsetSeconds = (zoneHour * 3600 + zoneMinute * 60) * (sign == "-" ? -1 : 1)
            hasZone = true
        }
        let year = negativeYear ? -yearDigits : yearDigits
        guard reader.atEnd, (1...12).contains(month), (1...Self.daysIn(month: month, year: year)).contains(day),
              hour < 24 || (hour == 24 && minute == 0 && second == 0 && fraction == 0), minute < 60, second < 60
        else { return nil }
        let days = Self.daysSinceEpoch(year: year, month: month, day: day)
        let seconds = Double(days * 86_400 + hour * 3600 + minute * 60 + second - offsetSeconds) + fraction
        self.init(Date(timeIntervalSince1970: seconds), hasTimeZone: hasZone)
    }

    /// UTC to the second with `Z` (`2025-03-01T10:15:00Z`), or without the `Z` for peers
    /// that only read naive times.
    public var lexical: String { Self.text(date, withZone: hasTimeZone) }

    /// `withMilliseconds` adds the fraction to three digits, cut off rather than rounded so the
    /// text never names a later instant (`2025-03-01T10:15:00.999Z`).
    public static func text(_ date: Date, withZone: Bool = true, withMilliseconds: Bool = false) -> String {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let total = Int(seconds)
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondOfDay = total - days * 86_400
        let (year, month, day) = civil(daysSinceEpoch: days)
        var clock = "\(pad(secondOfDay / 3600)):\(pad(secondOfDay / 60 % 60)):\(pad(secondOfDay % 60))"
        if withMilliseconds {
            clock += "." + pad(Int((date.timeIntervalSince1970 - seconds) * 1000), width: 3)
        }
        return "\(pad(year, width: 4))-\(pad(month))-\(pad(day))T\(clock)" + (withZone ? "Z" : "")
    }

    static func pad(_ value: Int, width: Int = 2) -> String {
        let digits = String(abs(value))
        let padded = String(repeating: "0", count: max(0, width - digits.count)) + digits
        return value < 0 ? "-" + padded : padded
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    // Proleptic Gregorian calendar conversions (H. Hinnant's days_from_civil / civil_from_days).
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    static func civil(daysSinceEpoch days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
