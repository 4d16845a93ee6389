/// The mean of the last `window` samples, sent on every `sendEvery`-th sample.
///
/// The first sample is sent at once so that the field has a value right after start; until
/// the window has filled, the mean is over the samples there are.
public struct SlidingAverageFilter: FieldFilter, Hashable {
    public private(set) var window: SampleWindow

    public init(window: Int, sendEvery: Int = 1) {
        self.window = SampleWindow(size: window, sendEvery: sendEvery)
    }

    public mutating func accept(_ sample: FieldSample) -> FieldSample? {
        window.append(sample.value).map { values in
            FieldSample(value: values.reduce(0, +) / Double(values.count), time: sample.time)
        }
    }
}
