/// Why a DNS message could not be built or read. Every byte of a response comes from the
/// network, so each fault names where it was found.
public enum DNSMessageError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message ends before the field that starts at this offset.
    case truncated(offset: Int)
    /// The QR bit is clear: a query where a response was expected.
    case notAResponse
    /// Compression pointers that loop, or point forward.
    case badCompressionPointer(offset: Int)
    /// A label type other than a plain label or a pointer (RFC 6891 extended labels).
    case unsupportedLabelType(offset: Int)
    /// A name longer than 255 bytes, or a label with bytes a host name cannot have.
    case invalidName(offset: Int)
    /// A record whose data length does not fit its type.
    case badRecordLength(type: UInt16, length: Int)
    /// A name we were asked to query that DNS cannot carry.
    case invalidQueryName(String)

    public var description: String {
        switch self {
        case .truncated(let offset): "DNS message ends early (at byte \(offset))"
        case .notAResponse: "DNS message is not a response"
        case .badCompressionPointer(let offset): "DNS name compression pointer at byte \(offset) loops or points forward"
        case .unsupportedLabelType(let offset): "DNS name at byte \(offset) uses an unsupported label type"
        case .invalidName(let offset): "DNS name at byte \(offset) is too long or has characters a host name cannot have"
        case .badRecordLength(let type, let length): "DNS record of type \(type) has an impossible length \(length)"
        case .invalidQueryName(let name): "'\(name)' cannot be looked up in DNS (empty label, or a label or name too long)"
        }
    }
}
