/// Why the server lookup yields nowhere to connect.
public enum ServerLookupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The domain's `_xmpp-client._tcp` SRV record has the target ".": the domain says it
    /// offers no XMPP client service (RFC 6120 §3.2.1), so guessing a host would be wrong.
    case serviceNotOffered(domain: String)

    public var description: String {
        switch self {
        case .serviceNotOffered(let domain): "\(domain) publishes that it offers no XMPP client service (SRV target \".\")"
        }
    }
}
