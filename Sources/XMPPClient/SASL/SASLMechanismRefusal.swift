/// Why the client would not use one mechanism the server offered.
public struct SASLMechanismRefusal: Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable {
        /// A mechanism this client does not implement (`X-OAUTH2`, `EXTERNAL`, …).
        case notImplemented
        /// A mechanism broken by design that is never used (`DIGEST-MD5`, `CRAM-MD5`).
        case insecure
        /// A `-PLUS` mechanism on a connection without TLS, so there is nothing to bind to.
        case channelBindingRequiresTLS
        /// A `-PLUS` mechanism, but no binding type that both the TLS layer can produce and
        /// the server supports. `serverAnnounced` is false when the server sent no XEP-0440
        /// list and `server` holds the assumed `tls-unique`.
        case noCommonChannelBindingType(tls: [ChannelBindingType], server: [ChannelBindingType], serverAnnounced: Bool)
        /// PLAIN sends the password itself, so only inside TLS.
        case plainRequiresTLS
        /// PLAIN is switched off in the configuration (`allowPLAIN`).
        case plainNotAllowedByConfiguration
    }

    /// The mechanism name as the server offered it.
    public var mechanism: String
    public var reason: Reason

    public init(mechanism: String, reason: Reason) {
        self.mechanism = mechanism
        self.reason = reason
    }

    public var description: String {
        "\(mechanism) refused: \(reasonText)"
    }

    private var reasonText: String {
        switch reason {
        case .notImplemented:
            return "not implemented by this client"
        case .insecure:
            return "insecure, never used"
        case .channelBindingRequiresTLS:
            return "channel binding needs TLS"
        case .noCommonChannelBindingType(let tls, let server, let serverAnnounced):
            let tlsText = tls.isEmpty ? "none" : tls.map(\.rawValue).joined(separator: ", ")
            let serverText = server.isEmpty ? "none" : server.map(\.rawValue).joined(separator: ", ")
            let source = serverAnnounced ? "" : " (assumed: no XEP-0440 announcement)"
            return "no channel-binding type in common (TLS layer has \(tlsText); server supports \(serverText)\(source))"
        case .plainRequiresTLS:
            return "not over TLS"
        case .plainNotAllowedByConfiguration:
            return "not allowed by config (allowPLAIN is false)"
        }
    }
}
