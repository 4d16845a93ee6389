/// XEP-0323 quality-of-service flags and annotations on a field value.
///
/// Reliability, least to most: `missing`, `inProgress`, `automaticEstimate`,
/// `manualEstimate`, `manualReadout`, `automaticReadout`, `signed`, `invoiced`,
/// `invoiceConfirmed`. The rest annotate. A field with none set is read as
/// `automaticReadout`.
public struct SensorFieldQuality: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let missing = SensorFieldQuality(rawValue: 1 << 0)
    public static let inProgress = SensorFieldQuality(rawValue: 1 << 1)
    public static let automaticEstimate = SensorFieldQuality(rawValue: 1 << 2)
    public static let manualEstimate = SensorFieldQuality(rawValue: 1 << 3)
    public static let manualReadout = SensorFieldQuality(rawValue: 1 << 4)
    public static let automaticReadout = SensorFieldQuality(rawValue: 1 << 5)
    public static let timeOffset = SensorFieldQuality(rawValue: 1 << 6)
    public static let warning = SensorFieldQuality(rawValue: 1 << 7)
    public static let error = SensorFieldQuality(rawValue: 1 << 8)
    public static let signed = SensorFieldQuality(rawValue: 1 << 9)
    public static let invoiced = SensorFieldQuality(rawValue: 1 << 10)
    public static let endOfSeries = SensorFieldQuality(rawValue: 1 << 11)
    public static let powerFailure = SensorFieldQuality(rawValue: 1 << 12)
    public static let invoiceConfirmed = SensorFieldQuality(rawValue: 1 << 13)

    /// A last good value re-served after reads started failing. XEP-0323 has no "stale"
    /// flag: the value stays an automatic readout (its timestamp tells its age) and
    /// `warning` tells the reader not to take it as current.
    public static let stale: SensorFieldQuality = [.automaticReadout, .warning]

    /// Attribute names in the order they are written.
    static let attributeNames: [(String, SensorFieldQuality)] = [
        ("missing", .missing), ("inProgress", .inProgress), ("automaticEstimate", .automaticEstimate),
        ("manualEstimate", .manualEstimate), ("manualReadout", .manualReadout),
        ("automaticReadout", .automaticReadout), ("timeOffset", .timeOffset), ("warning", .warning),
        ("error", .error), ("signed", .signed), ("invoiced", .invoiced), ("endOfSeries", .endOfSeries),
        ("powerFailure", .powerFailure), ("invoiceConfirmed", .invoiceConfirmed),
    ]
}
