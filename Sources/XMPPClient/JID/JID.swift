import FoundationEssentials

/// An XMPP address (RFC 7622): `localpart@domainpart/resourcepart`, with the localpart and
/// resource optional.
///
/// The localpart and domain are case-mapped when parsed, so comparison is case-insensitive
/// for them and exact for the resource. All parts are normalised to Unicode NFC. This is
/// the practical core of the PRECIS profiles, not all of them: characters RFC 7622 forbids
/// outright (controls; `"&'/:<>@` and spaces in a localpart) are refused, but the full
/// PRECIS category tables and IDNA2008 checks of internationalised domains are not applied.
public struct JID: Sendable, Hashable, CustomStringConvertible, Codable {
    public let localpart: String?
    public let domain: String
    public let resource: String?

    /// The longest a part may be, in UTF-8 bytes.
    public static let maxPartBytes = 1023

    public init(_ string: String) throws(JIDError) {
        guard !string.isEmpty else { throw .empty }
        var rest = Substring(string)
        var resource: Substring?
        if let slash = rest.firstIndex(of: "/") {
            resource = rest[rest.index(after: slash)...]
            rest = rest[..<slash]
        }
        var localpart: Substring?
        if let at = rest.firstIndex(of: "@") {
            localpart = rest[..<at]
            rest = rest[rest.index(after: at)...]
        }
        try self.init(localpart: localpart.map(String.init), domain: String(rest), resource: resource.map(String.init))
    }

    public init(localpart: String?, domain: String, resource: String? = nil) throws(JIDError) {
        self.localpart = try localpart.map(JID.validLocalpart)
        self.domain = try JID.validDomain(domain)
        self.resource = try resource.map(JID.validResource)
    }

    /// This JID without its resource.
    public var bare: JID {
        JID(checkedLocalpart: localpart, domain: domain, resource: nil)
    }

    public var isBare: Bool { resource == nil }

    /// This JID's bare form with `resource` as its resource.
    public func with(resource: String) throws(JIDError) -> JID {
        JID(checkedLocalpart: localpart, domain: domain, resource: try JID.validResource(resource))
    }

    public var description: String {
        var text = localpart.map { "\($0)@" } ?? ""
        text += domain
        if let resource { text += "/\(resource)" }
        return text
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        try self.init(text)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    private init(checkedLocalpart: String?, domain: String, resource: String?) {
        self.localpart = checkedLocalpart
        self.domain = domain
        self.resource = resource
    }

    // MARK: - Validation

    /// Characters RFC 7622 §3.3.1 excludes from a localpart, beside spaces and controls.
    private static let forbiddenInLocalpart: Set<Character> = ["\"", "&", "'", "/", ":", "<", ">", "@"]

    private static func validLocalpart(_ raw: String) throws(JIDError) -> String {
        let part = nfc(raw).lowercased()
        try checkLength(part, .localpart)
        if let bad = part.first(where: { forbiddenInLocalpart.contains($0) || isSpaceOrControl($0) }) {
            throw .forbiddenCharacter(.localpart, bad)
        }
        return part
    }

    private static func validResource(_ raw: String) throws(JIDError) -> String {
        // OpaqueString maps every kind of space to U+0020 and keeps case. In ASCII only a
        // tab is a space other than U+0020 (and not a line break).
        let mapped = isASCII(raw) && !raw.utf8.contains(0x09)
            ? raw : String(raw.map { $0.isWhitespace && !$0.isNewline ? " " : $0 })
        let part = nfc(mapped)
        try checkLength(part, .resourcepart)
        if let bad = part.first(where: isControl) { throw .forbiddenCharacter(.resourcepart, bad) }
        return part
    }

    private static func validDomain(_ raw: String) throws(JIDError) -> String {
        var part = nfc(raw).lowercased()
        if part.hasSuffix(".") { part.removeLast() }  // RFC 7622 §3.2: a final dot is stripped
        try checkLength(part, .domainpart)
        if part.hasPrefix("[") {
            guard part.hasSuffix("]"), part.count > 2,
                  part.dropFirst().dropLast().allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." })
            else { throw .invalidDomain("\(raw) is not an IPv6 literal") }
            return part
        }
        for label in part.split(separator: ".", omittingEmptySubsequences: false) {
            if label.isEmpty { throw .invalidDomain("\(raw) has an empty label") }
            if label.utf8.count > 63 { throw .invalidDomain("the label \(label) is longer than 63 bytes") }
            if let bad = label.first(where: { isSpaceOrControl($0) || "@/\\<>\"'&:[]".contains($0) }) {
                throw .forbiddenCharacter(.domainpart, bad)
            }
        }
        return part
    }

    private static func checkLength(_ part: String, _ which: JIDPart) throws(JIDError) {
        let bytes = part.utf8.count
        if bytes == 0 { throw .emptyPart(which) }
        if bytes > maxPartBytes { throw .tooLong(which, bytes: bytes) }
    }

    /// General category Cc, which is exactly U+0000–U+001F and U+007F–U+009F: compared
    /// directly, as a Unicode property lookup per character costs more than the rest.
    private static func isControl(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }

    /// Whitespace or a control character; for ASCII, which addresses nearly always are, by
    /// value: both are at or below U+0020, or U+007F.
    private static func isSpaceOrControl(_ character: Character) -> Bool {
        if let ascii = character.asciiValue { return ascii <= 0x20 || ascii == 0x7F }
        return character.isWhitespace || isControl(character)
    }

    /// NFC, skipped for ASCII, which is always in NFC: normalising was most of the cost of
    /// reading the addresses of every incoming stanza.
    private static func nfc(_ raw: String) -> String {
        isASCII(raw) ? raw : UnicodeNormalization.nfc(raw)
    }

    private static func isASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 < 0x80 }
    }
}
