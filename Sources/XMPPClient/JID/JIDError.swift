/// Why a string is not a valid JID (RFC 7622), in words a person can act on.
public enum JIDError: Error, Sendable, Equatable, CustomStringConvertible {
    case empty
    case emptyPart(JIDPart)
    case tooLong(JIDPart, bytes: Int)
    case forbiddenCharacter(JIDPart, Character)
    case invalidDomain(String)

    public var description: String {
        switch self {
        case .empty: "a JID cannot be empty"
        case .emptyPart(let part): "the \(part) of a JID cannot be empty"
        case .tooLong(let part, let bytes):
            "the \(part) is \(bytes) bytes long; at most \(JID.maxPartBytes) are allowed"
        case .forbiddenCharacter(let part, let character):
            "the \(part) contains \(character.unicodeScalars.map { "U+" + String($0.value, radix: 16, uppercase: true) }.joined(separator: " ")) (\(character.debugDescription)), which is not allowed there"
        case .invalidDomain(let reason): "invalid domain: \(reason)"
        }
    }
}

/// The three parts of a JID, named as RFC 7622 names them.
public enum JIDPart: String, Sendable, CustomStringConvertible {
    case localpart, domainpart, resourcepart
    public var description: String { rawValue }
}
