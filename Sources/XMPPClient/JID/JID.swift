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
        // Split at the first `/`, then at the first `@` before it: code points, not
        // characters, so a combining mark after the slash does not hide it.
        let bytes = string.utf8
        var domain = bytes.startIndex..<bytes.endIndex
        var resource: String?
        if let slash = bytes.firstIndex(of: UInt8(ascii: "/")) {
            resource = String(decoding: bytes[bytes.index(after: slash)...], as: UTF8.self)
            domain = domain.lowerBound..<slash
        }
        var localpart: String?
        if let at = bytes[domain].firstIndex(of: UInt8(ascii: "@")) {
            localpart = String(decoding: bytes[domain.lowerBound..<at], as: UTF8.self)
            domain = bytes.index(after: at)..<domain.upperBound
        }
        try self.init(localpart: localpart, domain: String(decoding: bytes[domain], as: UTF8.self), resource: resource)
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
    private static let forbiddenInLocalpart = Array("\"&'/:<>@".utf8)
    /// Characters no domain label may hold, beside spaces and controls.
    private static let forbiddenInDomain = Array("@/\\<>\"'&:[]".utf8)

    private static func validLocalpart(_ raw: String) throws(JIDError) -> String {
        let part = isASCII(raw) ? asciiLowercased(raw) : nfc(raw).lowercased()
        try checkLength(part, .localpart)
        if let bad = firstForbidden(in: part.utf8, forbiddenInLocalpart) { throw .forbiddenCharacter(.localpart, bad) }
        return part
    }

    private static func validResource(_ raw: String) throws(JIDError) -> String {
        // OpaqueString maps every kind of space to U+0020 and keeps case. In ASCII only a
        // tab is a space other than U+0020 (and not a line break).
        let part = isASCII(raw)
            ? (raw.utf8.contains(0x09) ? String(decoding: raw.utf8.map { $0 == 0x09 ? 0x20 : $0 }, as: UTF8.self) : raw)
            : nfc(String(raw.map { $0.isWhitespace && !$0.isNewline ? " " : $0 }))
        try checkLength(part, .resourcepart)
        if let bad = part.unicodeScalars.first(where: isControl) { throw .forbiddenCharacter(.resourcepart, Character(bad)) }
        return part
    }

    private static func validDomain(_ raw: String) throws(JIDError) -> String {
        var part = isASCII(raw) ? asciiLowercased(raw) : nfc(raw).lowercased()
        if part.hasSuffix(".") { part.removeLast() }  // RFC 7622 §3.2: a final dot is stripped
        try checkLength(part, .domainpart)
        if part.hasPrefix("[") {
            guard part.hasSuffix("]"), part.count > 2,
                  part.dropFirst().dropLast().allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." })
            else { throw .invalidDomain("\(raw) is not an IPv6 literal") }
            return part
        }
        for label in part.utf8.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            if label.isEmpty { throw .invalidDomain("\(raw) has an empty label") }
            if label.count > 63 { throw .invalidDomain("the label \(String(decoding: label, as: UTF8.self)) is longer than 63 bytes") }
            if let bad = firstForbidden(in: label, forbiddenInDomain) { throw .forbiddenCharacter(.domainpart, bad) }
        }
        return part
    }

    /// The first space, control or `forbidden` ASCII character of a part: by byte, then,
    /// only in the rare part that is not ASCII, the first whitespace or control beyond it.
    private static func firstForbidden(in part: some Collection<UInt8>, _ forbidden: [UInt8]) -> Character? {
        if let bad = part.first(where: { isSpaceOrControl($0) || forbidden.contains($0) }) {
            return Character(Unicode.Scalar(bad))
        }
        guard part.contains(where: { $0 >= 0x80 }) else { return nil }
        return String(decoding: part, as: UTF8.self).first { character in
            !character.isASCII && (character.isWhitespace || character.unicodeScalars.contains(where: isControl))
        }
    }

    private static func checkLength(_ part: String, _ which: JIDPart) throws(JIDError) {
        let bytes = part.utf8.count
        if bytes == 0 { throw .emptyPart(which) }
        if bytes > maxPartBytes { throw .tooLong(which, bytes: bytes) }
    }

    /// General category Cc, which is exactly U+0000–U+001F and U+007F–U+009F: compared
    /// directly, as a Unicode property lookup per character costs more than the rest.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// An ASCII space or control: both are at or below U+0020, or U+007F.
    private static func isSpaceOrControl(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == 0x7F
    }

    /// ASCII letters in lower case; the same string when it has no capitals, as nearly
    /// every address does.
    private static func asciiLowercased(_ raw: String) -> String {
        let isCapital = { (byte: UInt8) in (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
        guard raw.utf8.contains(where: isCapital) else { return raw }
        return String(decoding: raw.utf8.map { isCapital($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
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
