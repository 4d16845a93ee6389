/// How a drain of the unpublished backlog ended.
public enum BacklogDrain: Sendable, Hashable {
    /// Nothing is left unpublished but what live publications carry.
    case finished(published: Int)
    /// Publishing or the history failed, or the task was cancelled; the reading that failed
    /// and everything after it stay unpublished for the next drain.
    case stopped(published: Int, reason: String)

    /// Readings published by the drain.
    public var published: Int {
        switch self {
        case let .finished(published), let .stopped(published, _): published
        }
    }
}
