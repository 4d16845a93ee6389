/// The XEP-0323 field-type flags: what kind of value a field is, or which kinds a request
/// asks for. In a request they combine as a union, on a field as an intersection.
public struct SensorFieldType: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let momentary = SensorFieldType(rawValue: 1 << 0)
    public static let peak = SensorFieldType(rawValue: 1 << 1)
    public static let status = SensorFieldType(rawValue: 1 << 2)
    public static let computed = SensorFieldType(rawValue: 1 << 3)
    public static let identity = SensorFieldType(rawValue: 1 << 4)
    public static let historicalSecond = SensorFieldType(rawValue: 1 << 5)
    public static let historicalMinute = SensorFieldType(rawValue: 1 << 6)
    public static let historicalHour = SensorFieldType(rawValue: 1 << 7)
    public static let historicalDay = SensorFieldType(rawValue: 1 << 8)
    public static let historicalWeek = SensorFieldType(rawValue: 1 << 9)
    public static let historicalMonth = SensorFieldType(rawValue: 1 << 10)
    public static let historicalQuarter = SensorFieldType(rawValue: 1 << 11)
    public static let historicalYear = SensorFieldType(rawValue: 1 << 12)
    public static let historicalOther = SensorFieldType(rawValue: 1 << 13)

    public static let historical: SensorFieldType = [
        .historicalSecond, .historicalMinute, .historicalHour, .historicalDay, .historicalWeek,
        .historicalMonth, .historicalQuarter, .historicalYear, .historicalOther,
    ]
    public static let all: SensorFieldType = [.momentary, .peak, .status, .computed, .identity, .historical]
    /// What a request without any field-type attribute gets (ours, brief §1.4).
    public static let unspecifiedRequest: SensorFieldType = [.momentary, .status, .identity]

    /// Attribute names in the order they are written.
    static let attributeNames: [(String, SensorFieldType)] = [
        ("momentary", .momentary), ("peak", .peak), ("status", .status), ("computed", .computed),
        ("identity", .identity), ("historicalSecond", .historicalSecond), ("historicalMinute", .historicalMinute),
        ("historicalHour", .historicalHour), ("historicalDay", .historicalDay), ("historicalWeek", .historicalWeek),
        ("historicalMonth", .historicalMonth), ("historicalQuarter", .historicalQuarter),
        ("historicalYear", .historicalYear), ("historicalOther", .historicalOther),
    ]
}
