/// A SASL mechanism this client implements, by its registered name.
///
/// Cases are declared in order of preference: with channel binding before without,
/// stronger hash before weaker, and PLAIN last.
public enum SASLMechanism: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case scramSHA512Plus = "SCRAM-SHA-512-PLUS"
    case scramSHA256Plus = "SCRAM-SHA-256-PLUS"
    case scramSHA1Plus = "SCRAM-SHA-1-PLUS"
    case scramSHA512 = "SCRAM-SHA-512"
    case scramSHA256 = "SCRAM-SHA-256"
    case scramSHA1 = "SCRAM-SHA-1"
    case plain = "PLAIN"

    /// The SCRAM mechanism over `hash`, with or without channel binding.
    public init(scram hash: HashFunction, channelBinding: Bool) {
        switch (hash, channelBinding) {
        case (.sha512, true): self = .scramSHA512Plus
        case (.sha256, true): self = .scramSHA256Plus
        case (.sha1, true): self = .scramSHA1Plus
        case (.sha512, false): self = .scramSHA512
        case (.sha256, false): self = .scramSHA256
        case (.sha1, false): self = .scramSHA1
        }
    }

    /// The hash a SCRAM mechanism is built on; `nil` for PLAIN.
    public var scramHash: HashFunction? {
        switch self {
        case .scramSHA512Plus, .scramSHA512: .sha512
        case .scramSHA256Plus, .scramSHA256: .sha256
        case .scramSHA1Plus, .scramSHA1: .sha1
        case .plain: nil
        }
    }

    /// Whether this is a `-PLUS` mechanism, which requires channel binding.
    public var requiresChannelBinding: Bool {
        switch self {
        case .scramSHA512Plus, .scramSHA256Plus, .scramSHA1Plus: true
        case .scramSHA512, .scramSHA256, .scramSHA1, .plain: false
        }
    }

    public var description: String { rawValue }
}
