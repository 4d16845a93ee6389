/// A UTC time of day as NMEA writes it, `hhmmss` or `hhmmss.ss`.
public struct NMEATime: Sendable, Hashable {
    public var hour: Int
    public var minute: Int
    public var second: Double

    public init(hour: Int, minute: Int, second: Double) {
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// `nil` for an empty field (no time yet).
    init?(field text: String) throws(DriverError) {
        guard !text.isEmpty else { return nil }
        let integerDigits = text.prefix { $0 != "." }
        guard integerDigits.count == 6, integerDigits.allSatisfy({ ("0"..."9").contains($0) }),
            let seconds = Double(decimalText: text.dropFirst(4)),
            let hour = Int(integerDigits.prefix(2)), let minute = Int(integerDigits.dropFirst(2).prefix(2)),
            (0..<24).contains(hour), (0..<60).contains(minute), (0..<61).contains(seconds)
        else {
            throw .malformed(sensor: .nmea, reason: "time \"\(text)\" is not hhmmss")
        }
        self.init(hour: hour, minute: minute, second: seconds)
    }
}
