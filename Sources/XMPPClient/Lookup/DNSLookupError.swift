/// Why one DNS query got no usable answer.
public enum DNSLookupError: Error, Sendable, Equatable, CustomStringConvertible {
    case malformedResponse(DNSMessageError, from: String)
    /// The server reported a fault (RCODE other than 0 and 3).
    case serverFailure(responseCode: UInt8, from: String)
    /// The answer did not fit a UDP datagram; we do not retry over TCP.
    case truncated(from: String)
    case noAnswer(from: String, within: Duration)
    case sendFailed(String)

    public var description: String {
        switch self {
        case .malformedResponse(let error, let server): "malformed DNS response from \(server): \(error)"
        case .serverFailure(let code, let server): "DNS server \(server) answered with error code \(code)"
        case .truncated(let server): "DNS answer from \(server) was truncated"
        case .noAnswer(let server, let timeout): "no DNS answer from \(server) within \(timeout)"
        case .sendFailed(let why): "could not send the DNS query: \(why)"
        }
    }
}
