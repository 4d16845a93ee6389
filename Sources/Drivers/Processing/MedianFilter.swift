/// The median of the last `window` samples, sent on every `sendEvery`-th sample: removes
/// single spikes (a garbled transfer that still passed its checksum) without the lag of a long
/// average.
///
/// The first sample is sent at once; until the window has filled, the median is over the
/// samples there are. For an even count it is the mean of the two middle values.
public struct MedianFilter: FieldFilter, Hashable {
    public private(set) var window: SampleWindow

    public init(window: Int, sendEvery: Int = 1) {
        self.window = SampleWindow(size: window, sendEvery: sendEvery)
    }

    public mutating func accept(_ sample: FieldSample) -> FieldSample? {
        window.append(sample.value).map { values in
            let sorted = values.sorted()
            let middle = sorted.count / 2
            let median = sorted.count.isMultiple(of: 2) ? (sorted[middle - 1] + sorted[middle]) / 2 : sorted[middle]
            return FieldSample(value: median, time: sample.time)
        }
    }
}
