/// The mechanism picked for a login, with how it treats channel binding.
///
/// `select` is the policy: SCRAM-SHA-512-PLUS, SCRAM-SHA-256-PLUS, SCRAM-SHA-1-PLUS,
/// SCRAM-SHA-512, SCRAM-SHA-256, SCRAM-SHA-1, then PLAIN — only over TLS and only if the
/// configuration allows it. Everything else (DIGEST-MD5, X-OAUTH2, …) is refused.
public enum SASLMechanismChoice: Sendable, Hashable {
    /// SCRAM over this hash; `-PLUS` exactly when the flag is `.bound`.
    case scram(HashFunction, GS2ChannelBindingFlag)
    case plain

    /// The mechanism to name in `<auth mechanism='…'>`.
    public var mechanism: SASLMechanism {
        switch self {
        case .scram(let hash, .bound):
            SASLMechanism(scram: hash, channelBinding: true)
        case .scram(let hash, .notSupported), .scram(let hash, .supportedButNotOffered):
            SASLMechanism(scram: hash, channelBinding: false)
        case .plain:
            .plain
        }
    }

    /// Picks the most preferred acceptable mechanism.
    ///
    /// - Parameters:
    ///   - offeredMechanisms: the `<mechanism/>` texts of the server's stream features,
    ///     matched exactly (RFC 4422 §3.1: names are upper case).
    ///   - serverChannelBindingTypes: the types of the server's XEP-0440
    ///     `<sasl-channel-binding/>`, or `nil` when it sent none — then `tls-unique` is
    ///     assumed, as XEP-0440 says.
    ///   - isTLS: whether the stream runs inside TLS.
    ///   - channelBindings: the binding data the TLS layer can supply for this connection.
    ///   - allowPLAIN: the configuration's switch for PLAIN.
    public static func select(
        offeredMechanisms: [String],
        serverChannelBindingTypes: Set<ChannelBindingType>?,
        isTLS: Bool,
        channelBindings: [ChannelBinding],
        allowPLAIN: Bool
    ) throws(SASLMechanismSelectionError) -> SASLMechanismChoice {
        let offered = Set(offeredMechanisms.compactMap(SASLMechanism.init(rawValue:)))
        let tlsBindings = isTLS ? channelBindings : []
        let serverTypes = serverChannelBindingTypes ?? [.tlsUnique]
        let commonBinding = ChannelBindingType.allCases
            .filter(serverTypes.contains)
            .lazy
            .compactMap { type in tlsBindings.first { $0.type == type } }
            .first
        // RFC 5802 §6: `y` claims the server cannot bind. If it offered any -PLUS that is
        // false, and a binding-capable server would reject the login as a downgrade.
        let serverOffersBinding = offered.contains { $0.requiresChannelBinding }
        let unboundFlag: GS2ChannelBindingFlag =
            tlsBindings.isEmpty || serverOffersBinding ? .notSupported : .supportedButNotOffered

        func refusal(ofOffered name: String) -> SASLMechanismRefusal.Reason? {
            switch SASLMechanism(rawValue: name) {
            case nil:
                return insecureMechanisms.contains(name) ? .insecure : .notImplemented
            case .scramSHA512Plus, .scramSHA256Plus, .scramSHA1Plus:
                guard isTLS else { return .channelBindingRequiresTLS }
                guard commonBinding != nil else {
                    return .noCommonChannelBindingType(
                        tls: tlsBindings.map(\.type),
                        server: ChannelBindingType.allCases.filter(serverTypes.contains),
                        serverAnnounced: serverChannelBindingTypes != nil
                    )
                }
                return nil
            case .scramSHA512, .scramSHA256, .scramSHA1:
                return nil
            case .plain:
                guard allowPLAIN else { return .plainNotAllowedByConfiguration }
                guard isTLS else { return .plainRequiresTLS }
                return nil
            }
        }

        for mechanism in SASLMechanism.allCases
        where offered.contains(mechanism) && refusal(ofOffered: mechanism.rawValue) == nil {
            switch (mechanism.scramHash, commonBinding) {
            case (let hash?, let binding?) where mechanism.requiresChannelBinding:
                return .scram(hash, .bound(binding))
            case (let hash?, _):
                return .scram(hash, unboundFlag)
            case (nil, _):
                return .plain
            }
        }
        let refusals = offeredMechanisms.compactMap { name in
            refusal(ofOffered: name).map { SASLMechanismRefusal(mechanism: name, reason: $0) }
        }
        throw SASLMechanismSelectionError(offeredMechanisms: offeredMechanisms, refusals: refusals)
    }

    /// RFC 6331 moved DIGEST-MD5 to Historic; CRAM-MD5 stores and proves with MD5.
    private static let insecureMechanisms: Set<String> = ["DIGEST-MD5", "CRAM-MD5"]
}
