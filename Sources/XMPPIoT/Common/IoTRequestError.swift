import XMPPClient

/// Why an incoming IoT request cannot be served, as the stanza error its reply carries.
///
/// Parsers throw it for malformed input (`bad-request`) and unknown payloads
/// (`service-unavailable`); the gateway builds it for access (`forbidden`) and addressing
/// (`item-not-found`) decisions so every path answers the same way.
public struct IoTRequestError: Error, Sendable, Equatable, CustomStringConvertible {
    public var condition: StanzaErrorCondition
    /// The error type; the condition's usual one when nil.
    public var kind: StanzaError.Kind?
    public var text: String
    /// An extension element for the stanza error, e.g. XEP-0325 `<paramError>`.
    public var applicationCondition: XMLElement?

    public init(_ condition: StanzaErrorCondition, _ text: String, kind: StanzaError.Kind? = nil,
                applicationCondition: XMLElement? = nil) {
        self.condition = condition
        self.kind = kind
        self.text = text
        self.applicationCondition = applicationCondition
    }

    public static func badRequest(_ text: String) -> IoTRequestError { IoTRequestError(.badRequest, text) }
    public static func itemNotFound(_ text: String) -> IoTRequestError { IoTRequestError(.itemNotFound, text) }
    /// XEP-0323 and XEP-0325 refuse callers with `cancel`, not RFC 6120's usual `auth`.
    public static func forbidden(_ text: String) -> IoTRequestError { IoTRequestError(.forbidden, text, kind: .cancel) }

    public var stanzaError: StanzaError {
        StanzaError(condition, kind: kind, text: text, applicationCondition: applicationCondition)
    }

    public var description: String { "\(condition.rawValue): \(text)" }
}
