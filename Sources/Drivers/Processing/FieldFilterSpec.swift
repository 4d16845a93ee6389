/// One entry of a field's `filters` list as configured: which calibration or filter, with its
/// settings. `makeFilter()` gives a fresh filter with empty state for each device.
///
/// In YAML each entry is a mapping with one key, in the order they apply:
/// ```yaml
/// filters:
///   - offset: -0.4
///   - median: {window: 5}
///   - delta: {absolute: 0.1}
///   - heartbeat: 5min
/// ```
public enum FieldFilterSpec: Sendable, Hashable {
    case offset(Double)
    case calibrateLinear(LinearCalibration)
    case slidingAverage(window: Int, sendEvery: Int)
    case median(window: Int, sendEvery: Int)
    case delta(absolute: Double?, percent: Double?)
    case throttle(Duration)
    case heartbeat(Duration)

    public func makeFilter() -> any FieldFilter {
        switch self {
        case let .offset(offset): OffsetFilter(offset: offset)
        case let .calibrateLinear(calibration): calibration
        case let .slidingAverage(window, sendEvery): SlidingAverageFilter(window: window, sendEvery: sendEvery)
        case let .median(window, sendEvery): MedianFilter(window: window, sendEvery: sendEvery)
        case let .delta(absolute, percent): DeltaFilter(absolute: absolute, percent: percent)
        case let .throttle(interval): ThrottleFilter(interval: interval)
        case let .heartbeat(interval): HeartbeatFilter(interval: interval)
        }
    }

    private static let window: [SettingDeclaration] = [
        SettingDeclaration("window", .int, default: .int(5), range: 1...1000, doc: "How many of the latest samples to use."),
        SettingDeclaration(
            "send_every", .int, default: .int(1), range: 1...1000,
            doc: "Send a result on every n-th sample (the first sample is always sent)."
        ),
    ]

    /// The keys a filter list entry may have: one of these per entry.
    public static let declarations: [SettingDeclaration] = [
        SettingDeclaration("offset", .double, doc: "Add this number to the value."),
        SettingDeclaration(
            "calibrate_linear",
            .record([
                SettingDeclaration(
                    "points",
                    .list(.record([
                        SettingDeclaration("measured", .double, required: true, doc: "What the sensor reported."),
                        SettingDeclaration("actual", .double, required: true, doc: "What a reference instrument showed."),
                    ])),
                    required: true,
                    doc: "Two or more pairs; with more than two, the least-squares line is used."
                ),
            ]),
            doc: "Map the value onto the line through calibration points."
        ),
        SettingDeclaration("sliding_average", .record(window), doc: "The mean of the latest samples."),
        SettingDeclaration("median", .record(window), doc: "The median of the latest samples."),
        SettingDeclaration(
            "delta",
            .record([
                SettingDeclaration("absolute", .double, range: 0...1e12, doc: "Send when the value changed by at least this much."),
                SettingDeclaration("percent", .double, range: 0...1e6, doc: "Send when the value changed by at least this percentage."),
            ]),
            doc: "Send only values that changed enough since the last one sent."
        ),
        SettingDeclaration("throttle", .duration, range: 0.001...31_536_000, doc: "Send at most one value per interval."),
        SettingDeclaration(
            "heartbeat", .duration, range: 0.001...31_536_000, doc: "Send the last value again after this long without sending."
        ),
    ]

    /// The spec for one decoded entry of a `filters` list; `nil` with the reason appended to
    /// `errors` when its settings do not make a filter (too few calibration points, a delta
    /// with no threshold).
    public init?(_ value: SettingValue, errors: inout [CatalogError]) {
        guard case let .variant(key, setting) = value else { return nil }
        switch (key, setting) {
        case let ("offset", .double(offset)):
            self = .offset(offset)
        case let ("calibrate_linear", .record(record)):
            let points = record.records("points").compactMap { point in
                point.double("measured").flatMap { measured in
                    point.double("actual").map { CalibrationPoint(measured: measured, actual: $0) }
                }
            }
            guard let calibration = LinearCalibration(fitting: points) else {
                errors.append(record.invalid(
                    "points", expected: "two or more points with different measured values", got: "\(points.count) usable"
                ))
                return nil
            }
            self = .calibrateLinear(calibration)
        case let ("sliding_average", .record(record)):
            self = .slidingAverage(window: record.int("window") ?? 5, sendEvery: record.int("send_every") ?? 1)
        case let ("median", .record(record)):
            self = .median(window: record.int("window") ?? 5, sendEvery: record.int("send_every") ?? 1)
        case let ("delta", .record(record)):
            let absolute = record.double("absolute")
            let percent = record.double("percent")
            guard absolute != nil || percent != nil else {
                errors.append(.invalid(at: record.location, record.path, expected: "absolute or percent", got: "neither"))
                return nil
            }
            self = .delta(absolute: absolute, percent: percent)
        case let ("throttle", .duration(interval)):
            self = .throttle(interval)
        case let ("heartbeat", .duration(interval)):
            self = .heartbeat(interval)
        default:
            return nil
        }
    }
}
