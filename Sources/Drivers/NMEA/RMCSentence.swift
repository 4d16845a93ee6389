import FoundationEssentials

/// An RMC sentence ("recommended minimum"): UTC time and date, status, position, speed and
/// course over ground.
public struct RMCSentence: Sendable, Hashable {
    public var time: NMEATime?
    /// `A` (active): the receiver trusts its fix; `V` (void): it does not.
    public var isValid: Bool
    /// In decimal degrees, north positive.
    public var latitude: Double?
    /// In decimal degrees, east positive.
    public var longitude: Double?
    public var speedKnots: Double?
    /// Degrees true.
    public var course: Double?
    public var date: NMEADate?

    /// One knot is 1852 m per hour.
    public static let metresPerSecondPerKnot = 1852.0 / 3600.0

    public init(_ sentence: NMEASentence) throws(DriverError) {
        try sentence.require(type: "RMC", fields: 11)
        let f = sentence.fields
        time = try NMEATime(field: f[0])
        switch f[1] {
        case "A": isValid = true
        case "V": isValid = false
        default: throw .malformed(sensor: .nmea, reason: "status \"\(f[1])\" is neither A nor V")
        }
        latitude = try sentence.coordinate(at: 2, latitude: true)
        longitude = try sentence.coordinate(at: 4, latitude: false)
        speedKnots = try sentence.decimal(at: 6, named: "speed")
        course = try sentence.decimal(at: 7, named: "course")
        date = try NMEADate(field: f[8])
    }

    public init(line: String) throws(DriverError) {
        try self.init(NMEASentence(line: line))
    }

    /// The fix time as an instant, when the sentence has both time and a real calendar date.
    public var timestamp: Date? {
        guard let time, let date, let dayStart = date.secondsSinceEpoch,
            (0..<24).contains(time.hour), (0..<60).contains(time.minute)
        else { return nil }
        let minuteStart = Date(timeIntervalSince1970: Double(dayStart + time.hour * 3600 + time.minute * 60))
        // The seconds may be fractional, or 60 in a leap second (which then ends in the next minute).
        return minuteStart.addingTimeInterval(time.second)
    }

    /// Position, speed (m/s) and course, only while the receiver marks the fix valid.
    public var measurements: [MeasuredValue] {
        guard isValid else { return [] }
        let candidates: [(String, Double?, MeasurementUnit)] = [
            ("latitude", latitude, .degree),
            ("longitude", longitude, .degree),
            ("speed", speedKnots.map { $0 * Self.metresPerSecondPerKnot }, .metresPerSecond),
            ("course", course, .degree),
        ]
        return candidates.compactMap { field, value, unit in
            value.map { MeasuredValue(field: field, value: $0, unit: unit) }
        }
    }
}
