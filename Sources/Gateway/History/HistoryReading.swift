import Drivers
import FoundationEssentials

/// One value of one device field at one time, as the history stores it.
public struct HistoryReading: Sendable, Hashable {
    public var device: String
    public var field: String
    /// When it was measured; stored to the millisecond.
    public var time: Date
    /// `nil` for a failed reading with no value.
    public var value: FieldValue?
    public var unit: String?
    public var flags: ReadingFlags

    public init(device: String, field: String, time: Date, value: FieldValue?, unit: String? = nil, flags: ReadingFlags = []) {
        self.device = device
        self.field = field
        self.time = time
        self.value = value
        self.unit = unit
        self.flags = flags
    }
}

/// A reading as the history holds it: its row id (for `markPublished`) and whether it has
/// been published.
public struct StoredReading: Sendable, Hashable {
    public var id: Int64
    public var reading: HistoryReading
    public var isPublished: Bool

    public init(id: Int64, reading: HistoryReading, isPublished: Bool) {
        self.id = id
        self.reading = reading
        self.isPublished = isPublished
    }
}

extension Date {
    /// Milliseconds since 1970, as the history stores times.
    var unixMilliseconds: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded())
    }

    init(unixMilliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(unixMilliseconds) / 1000)
    }
}
