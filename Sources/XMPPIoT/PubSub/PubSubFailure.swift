import XMPPClient

/// What a pubsub error means for the publishing procedure (brief §4.5).
public enum PubSubFailure: Sendable, Hashable {
    /// `conflict` + `precondition-not-met`: the node's configuration differs from the
    /// publish-options; reconfigure and retry once.
    case preconditionNotMet
    /// `item-not-found`: the node does not exist.
    case nodeMissing
    /// `resource-constraint`: an old ejabberd refused a publish-option field.
    case publishOptionRefused
    /// `forbidden`, `not-authorized`, `not-allowed`.
    case notPermitted
    /// `not-acceptable` (config beyond a ceiling, payload too big, unsupported access model).
    case notAcceptable
    case other(StanzaErrorCondition)

    public init(_ error: StanzaError) {
        let specific = error.applicationCondition?.namespace == IoTNamespace.pubsubErrors
            ? error.applicationCondition?.name : nil
        switch error.condition {
        case .conflict where specific == "precondition-not-met": self = .preconditionNotMet
        case .itemNotFound: self = .nodeMissing
        case .resourceConstraint: self = .publishOptionRefused
        case .forbidden, .notAuthorized, .notAllowed: self = .notPermitted
        case .notAcceptable: self = .notAcceptable
        default: self = .other(error.condition)
        }
    }
}
