/// Why a top-level element is not a usable stanza; each case maps to the stanza error a
/// reply should carry.
public enum StanzaParseError: Error, Sendable, Equatable, CustomStringConvertible {
    case notAStanza(name: String, namespace: String)
    case invalidAddress(attribute: String, JIDError)
    case missingAttribute(String)
    case invalidType(String)
    case iqPayloadCount(Int)

    public var description: String {
        switch self {
        case .notAStanza(let name, let namespace): "<\(name) xmlns='\(namespace)'> is not a stanza"
        case .invalidAddress(let attribute, let error): "the '\(attribute)' address is invalid: \(error)"
        case .missingAttribute(let name): "the '\(name)' attribute is missing"
        case .invalidType(let type): "'\(type)' is not a valid type here"
        case .iqPayloadCount(let count): "an IQ get or set carries exactly one child, not \(count)"
        }
    }

    public var stanzaError: StanzaError {
        switch self {
        case .invalidAddress: StanzaError(.jidMalformed, text: description)
        default: StanzaError(.badRequest, text: description)
        }
    }
}
