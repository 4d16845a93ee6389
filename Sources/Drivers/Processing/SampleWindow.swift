/// The last `size` values of a field and the count that decides when a windowed filter sends,
/// shared by the sliding average and the median.
public struct SampleWindow: Sendable, Hashable {
    public let size: Int
    public let sendEvery: Int
    public private(set) var values: [Double] = []
    private var sinceSent: Int

    /// Sizes below one are taken as one; the schema refuses them before they get here.
    public init(size: Int, sendEvery: Int) {
        self.size = max(1, size)
        self.sendEvery = max(1, sendEvery)
        // Counting as if a send were due makes the very first value go out.
        sinceSent = self.sendEvery - 1
    }

    /// Adds `value`, dropping the oldest beyond `size`; returns the window's values when this
    /// value is one to send on, else `nil`.
    public mutating func append(_ value: Double) -> [Double]? {
        values.append(value)
        if values.count > size {
            values.removeFirst(values.count - size)
        }
        sinceSent += 1
        guard sinceSent >= sendEvery else { return nil }
        sinceSent = 0
        return values
    }
}
