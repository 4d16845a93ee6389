/// Cuts a serial byte stream into `Frame`s, resynchronising after garbage, partial frames and
/// bad checksums.
///
/// Feed it whatever the port delivered, in pieces of any size; it returns each complete frame
/// decoded, or the error that rejected it. A rejected candidate gives up only its first byte
/// and the search for a header resumes right after it: the "frame" may have been a header
/// pattern inside garbage or the tail of a cut frame, and the real next frame can begin inside
/// those bytes — skipping the whole candidate would lose it. Bytes that cannot start a frame
/// are dropped and counted.
public struct StreamFramer<Frame: StreamFrame>: Sendable {
    /// Frames decoded since creation.
    public private(set) var framesDecoded = 0
    /// Candidates refused for a bad checksum or an impossible length.
    public private(set) var framesRejected = 0
    /// Bytes dropped while looking for a header.
    public private(set) var bytesDiscarded = 0

    private var pending: [UInt8] = []

    public init() {}

    /// Appends `bytes` and returns what became complete, in stream order.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [Result<Frame, DriverError>] {
        pending.append(contentsOf: bytes)
        var results: [Result<Frame, DriverError>] = []
        var start = pending.startIndex
        while let candidate = headerCandidate(from: start) {
            bytesDiscarded += candidate - start
            start = candidate
            let available = pending.endIndex - start
            guard available >= Frame.lengthPrefixCount else { break }
            let length: Int
            do {
                length = try Frame.frameLength(prefix: pending[start..<(start + Frame.lengthPrefixCount)])
            } catch {
                results.append(reject(error, at: &start))
                continue
            }
            guard available >= length else { break }
            do {
                results.append(.success(try Frame(frame: pending[start..<(start + length)])))
                framesDecoded += 1
                start += length
            } catch {
                results.append(reject(error, at: &start))
            }
        }
        if headerCandidate(from: start) == nil {
            bytesDiscarded += pending.endIndex - start
            start = pending.endIndex
        }
        pending.removeSubrange(..<start)
        return results
    }

    private mutating func reject(_ error: DriverError, at start: inout Int) -> Result<Frame, DriverError> {
        framesRejected += 1
        start += 1
        return .failure(error)
    }

    /// The first index at or after `start` where the header begins, or where the buffered
    /// bytes end in a prefix of it (the rest of the header has not arrived yet).
    private func headerCandidate(from start: Int) -> Int? {
        let header = Frame.header
        return (start..<pending.endIndex).first { index in
            let count = min(header.count, pending.endIndex - index)
            return pending[index..<(index + count)].elementsEqual(header.prefix(count))
        }
    }
}
