/// Why a thermostat output is not in the state asked of it, and until when.
public enum OutputHold<Instant: InstantProtocol>: Sendable, Hashable {
    /// Asked off, kept on: the minimum on time has not passed.
    case minimumOnTime(until: Instant)
    /// Asked on, kept off: the minimum off time has not passed.
    case minimumOffTime(until: Instant)
    /// Asked on, kept off: the output reached its maximum run time and rests for the minimum
    /// off time.
    case rest(until: Instant)

    public var until: Instant {
        switch self {
        case let .minimumOnTime(until), let .minimumOffTime(until), let .rest(until): until
        }
    }
}
