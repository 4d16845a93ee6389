/// Adds a constant: the simplest calibration, for a sensor that reads consistently high or low.
public struct OffsetFilter: FieldFilter, Hashable {
    public var offset: Double

    public init(offset: Double) {
        self.offset = offset
    }

    public func accept(_ sample: FieldSample) -> FieldSample? {
        FieldSample(value: sample.value + offset, time: sample.time)
    }
}
