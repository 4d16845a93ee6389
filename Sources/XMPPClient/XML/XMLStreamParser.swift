import CExpat

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An incremental XMPP stream parser on expat.
///
/// Feed it bytes as they arrive, split anywhere — inside a tag, an attribute, a multi-byte
/// UTF-8 character — and it yields the stream header, each complete top-level element with
/// its namespaces resolved, and the stream's end. It enforces RFC 6120 §11: a DOCTYPE,
/// an entity other than the five predefined ones, a processing instruction or a comment is
/// `restricted-xml`; broken XML or UTF-8 is `not-well-formed`; a stanza over
/// ``XMLStreamLimits/maxStanzaBytes`` or deeper than ``XMLStreamLimits/maxDepth`` is
/// `policy-violation`. After a failure the parser accepts nothing more.
///
/// A stream restart (after STARTTLS or SASL) needs a new parser: a new XML document begins.
public final class XMLStreamParser {
    public let limits: XMLStreamLimits
    /// What expat's callbacks change. It sits behind a pointer so the callbacks reach it
    /// without the runtime exclusivity checks that class properties cost on every access.
    private let state: UnsafeMutablePointer<StreamState>

    /// The most expat is given in one call, so the size limit is checked at least that often
    /// even when a caller hands over a large buffer.
    private static let sliceBytes = 64 * 1024

    public init(limits: XMLStreamLimits = XMLStreamLimits()) {
        self.limits = limits
        state = .allocate(capacity: 1)
        state.initialize(to: StreamState(limits: limits))
        guard let expat = XML_ParserCreateNS("UTF-8", XML_Char(namespaceSeparator)) else {
            state.pointee.failure = XMLStreamError(.resourceConstraint, "cannot allocate an XML parser")
            return
        }
        state.pointee.expat = expat
        StreamState.installHandlers(on: expat, state: state)
    }

    deinit {
        if let expat = state.pointee.expat { XML_ParserFree(expat) }
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Parses the next bytes of the stream and returns what they completed.
    public func feed(_ bytes: UnsafeRawBufferPointer) -> [XMLStreamEvent] {
        if let failure = state.pointee.failure { return [.failed(failure)] }
        guard let expat = state.pointee.expat, let base = bytes.baseAddress else { return [] }
        var offset = 0
        while offset < bytes.count, state.pointee.failure == nil {
            let count = min(Self.sliceBytes, bytes.count - offset)
            let chunk = (base + offset).assumingMemoryBound(to: CChar.self)
            // No access to `state` may be open here: the callbacks modify it.
            let status = XML_Parse(expat, chunk, Int32(count), 0)
            offset += count
            state.pointee.afterParsing(count, failed: status == XML_STATUS_ERROR)
        }
        return state.pointee.takeEvents()
    }

    public func feed(_ bytes: some Collection<UInt8>) -> [XMLStreamEvent] {
        if let events = bytes.withContiguousStorageIfAvailable({ feed(UnsafeRawBufferPointer($0)) }) {
            return events
        }
        return Array(bytes).withUnsafeBytes { feed($0) }
    }

    public func feed(_ text: String) -> [XMLStreamEvent] {
        feed(Array(text.utf8))
    }
}

/// The parser's state between and during expat's callbacks.
private struct StreamState {
    let limits: XMLStreamLimits
    var expat: XML_Parser?
    var events: [XMLStreamEvent] = []
    var failure: XMLStreamError?
    /// Open elements; `[0]` is `<stream:stream>`, whose children are never kept.
    var open: [OpenElement] = []
    var pendingText: [UInt8] = []
    /// Bytes handed to expat so far, in the same coordinates as `XML_GetCurrentByteIndex`.
    var bytesFed = 0
    /// Where the top-level item being received began: after this many bytes, nothing is
    /// complete yet. Bounding `bytesFed - itemStart` bounds what a peer can make us buffer.
    var itemStart = 0
    var names = NameInterner()

    init(limits: XMLStreamLimits) {
        self.limits = limits
        events.reserveCapacity(16)
    }

    mutating func afterParsing(_ count: Int, failed: Bool) {
        bytesFed += count
        if failed {
            if failure == nil, let expat { failure = Self.error(from: expat) }
        } else if bytesFed - itemStart > limits.maxStanzaBytes {
            failure = XMLStreamError(.policyViolation, "stanza larger than \(limits.maxStanzaBytes) bytes")
        }
    }

    mutating func takeEvents() -> [XMLStreamEvent] {
        if let failure { events.append(.failed(failure)) }
        defer { events.removeAll(keepingCapacity: true) }
        return events
    }

    // MARK: - Expat callbacks

    mutating func startElement(_ name: UnsafePointer<CChar>, _ attributes: UnsafeMutablePointer<UnsafePointer<CChar>?>) {
        let depth = open.count
        if depth > limits.maxDepth {
            return stop(.policyViolation, "elements nested deeper than \(limits.maxDepth)")
        }
        if depth >= 2 { flushText() }
        if depth == 1 { itemStart = currentByteIndex }
        let (namespace, localName) = names.split(name)
        var parsed: [XMLAttribute] = []
        if let expat { parsed.reserveCapacity(Int(XML_GetSpecifiedAttributeCount(expat)) / 2) }
        var index = 0
        while let attributeName = attributes[index], let value = attributes[index + 1] {
            let (attributeNamespace, attributeLocalName) = names.split(attributeName)
            parsed.append(XMLAttribute(
                attributeLocalName,
                namespace: attributeNamespace.isEmpty ? nil : attributeNamespace,
                value: String(cString: value)))
            index += 2
        }
        open.append(OpenElement(name: localName, namespace: namespace, attributes: parsed))
        if depth == 0 {
            events.append(.streamOpened(open[0].element))
            itemStart = currentByteIndex + currentByteCount
        }
    }

    mutating func endElement() {
        if open.count >= 2 { flushText() }
        guard let closed = open.popLast() else { return }
        switch open.count {
        case 0:
            events.append(.streamClosed)
        case 1:
            let end = currentByteIndex + currentByteCount
            if end - itemStart > limits.maxStanzaBytes {
                return stop(.policyViolation, "stanza larger than \(limits.maxStanzaBytes) bytes")
            }
            events.append(.stanza(closed.element))
            itemStart = end
        default:
            open[open.count - 1].children.append(.element(closed.element))
        }
    }

    mutating func characterData(_ text: UnsafePointer<CChar>, _ length: Int32) {
        let bytes = UnsafeRawBufferPointer(start: text, count: Int(length))
        if open.count >= 2 {
            pendingText.append(contentsOf: bytes)
        } else if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            // Whitespace keepalives between stanzas.
            itemStart = currentByteIndex + currentByteCount
        } else {
            stop(.badFormat, "text outside any stanza")
        }
    }

    mutating func xmlDeclaration(encoding: UnsafePointer<CChar>?) {
        guard let encoding else { return }
        let name = String(cString: encoding)
        if name.lowercased() != "utf-8" {
            stop(.unsupportedEncoding, "the stream declares encoding \(name); XMPP is UTF-8 only")
        }
    }

    mutating func stop(_ condition: StreamErrorCondition, _ what: String) {
        guard failure == nil else { return }
        failure = XMLStreamError(condition, "\(position): \(what)")
        if let expat { XML_StopParser(expat, XML_FALSE) }
    }

    // MARK: - Helpers

    private mutating func flushText() {
        guard !pendingText.isEmpty else { return }
        open[open.count - 1].children.append(.text(String(decoding: pendingText, as: UTF8.self)))
        pendingText.removeAll(keepingCapacity: true)
    }

    private var currentByteIndex: Int { expat.map { Int(XML_GetCurrentByteIndex($0)) } ?? 0 }
    private var currentByteCount: Int { expat.map { Int(XML_GetCurrentByteCount($0)) } ?? 0 }

    private var position: String {
        guard let expat else { return "start" }
        return Self.position(in: expat)
    }

    private static func position(in expat: XML_Parser) -> String {
        "line \(XML_GetCurrentLineNumber(expat)), column \(XML_GetCurrentColumnNumber(expat))"
    }

    private static func error(from expat: XML_Parser) -> XMLStreamError {
        let code = XML_GetErrorCode(expat)
        let reason = XML_ErrorString(code).map { String(cString: $0) } ?? "unknown error"
        return XMLStreamError(condition(for: code), "\(position(in: expat)): \(reason)")
    }

    private static func condition(for code: XML_Error) -> StreamErrorCondition {
        switch code {
        case XML_ERROR_UNDEFINED_ENTITY, XML_ERROR_RECURSIVE_ENTITY_REF, XML_ERROR_BINARY_ENTITY_REF,
            XML_ERROR_ATTRIBUTE_EXTERNAL_ENTITY_REF, XML_ERROR_EXTERNAL_ENTITY_HANDLING,
            XML_ERROR_NOT_STANDALONE, XML_ERROR_ENTITY_DECLARED_IN_PE, XML_ERROR_AMPLIFICATION_LIMIT_BREACH:
            .restrictedXML
        case XML_ERROR_UNBOUND_PREFIX:
            .badNamespacePrefix
        case XML_ERROR_UNKNOWN_ENCODING, XML_ERROR_INCORRECT_ENCODING:
            .unsupportedEncoding
        case XML_ERROR_NO_MEMORY:
            .resourceConstraint
        default:
            .notWellFormed
        }
    }

    static func installHandlers(on expat: XML_Parser, state: UnsafeMutablePointer<StreamState>) {
        XML_SetUserData(expat, UnsafeMutableRawPointer(state))
        cexpat_disable_reparse_deferral(expat)
        XML_SetElementHandler(
            expat,
            { context, name, attributes in
                guard let name, let attributes else { return }
                streamState(context).pointee.startElement(name, attributes)
            },
            { context, _ in streamState(context).pointee.endElement() })
        XML_SetCharacterDataHandler(expat) { context, text, length in
            guard let text else { return }
            streamState(context).pointee.characterData(text, length)
        }
        XML_SetXmlDeclHandler(expat) { context, _, encoding, _ in
            streamState(context).pointee.xmlDeclaration(encoding: encoding)
        }
        XML_SetCommentHandler(expat) { context, _ in
            streamState(context).pointee.stop(.restrictedXML, "comments are not allowed in XMPP")
        }
        XML_SetProcessingInstructionHandler(expat) { context, _, _ in
            streamState(context).pointee.stop(.restrictedXML, "processing instructions are not allowed in XMPP")
        }
        XML_SetStartDoctypeDeclHandler(expat) { context, _, _, _, _ in
            streamState(context).pointee.stop(.restrictedXML, "a DOCTYPE is not allowed in XMPP")
        }
        XML_SetEntityDeclHandler(expat) { context, _, _, _, _, _, _, _, _ in
            streamState(context).pointee.stop(.restrictedXML, "entity declarations are not allowed in XMPP")
        }
    }
}

/// Expat reports a namespaced name as `uri` + separator + `local`.
private let namespaceSeparator: UInt8 = 0x1F

private func streamState(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<StreamState> {
    // The user data is always the state that installed the handlers (see installHandlers).
    context.unsafelyUnwrapped.assumingMemoryBound(to: StreamState.self)
}

/// An element whose end tag has not arrived yet.
private struct OpenElement {
    let name: String
    let namespace: String
    let attributes: [XMLAttribute]
    var children: [XMLNode] = []

    var element: XMLElement {
        XMLElement(name: name, namespace: namespace, attributes: attributes, normalizedChildren: children)
    }
}

/// Turns expat's `uri<sep>local` names into strings, reusing the strings of names seen
/// before: a stream repeats a handful of long namespace URIs thousands of times.
private struct NameInterner {
    private var known: [(bytes: [UInt8], string: String)] = []
    private static let capacity = 64
    /// Swift stores strings this short inline, without an allocation: not worth caching.
    private static let inlineLength = 15

    mutating func split(_ name: UnsafePointer<CChar>) -> (namespace: String, local: String) {
        let length = strlen(name)
        let bytes = UnsafeRawBufferPointer(start: name, count: length)
        guard let separator = bytes.firstIndex(of: namespaceSeparator) else {
            return ("", string(UnsafeRawBufferPointer(rebasing: bytes[...])))
        }
        return (
            string(UnsafeRawBufferPointer(rebasing: bytes[..<separator])),
            string(UnsafeRawBufferPointer(rebasing: bytes[(separator + 1)...]))
        )
    }

    private mutating func string(_ bytes: UnsafeRawBufferPointer) -> String {
        if bytes.count <= Self.inlineLength { return String(decoding: bytes, as: UTF8.self) }
        for entry in known where entry.bytes.count == bytes.count {
            let same = entry.bytes.withUnsafeBytes { known in
                guard let knownBase = known.baseAddress, let base = bytes.baseAddress else { return false }
                return memcmp(knownBase, base, bytes.count) == 0
            }
            if same { return entry.string }
        }
        let string = String(decoding: bytes, as: UTF8.self)
        if known.count < Self.capacity { known.append((Array(bytes), string)) }
        return string
    }
}
