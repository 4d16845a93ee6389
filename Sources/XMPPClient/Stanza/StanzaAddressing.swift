/// The attributes every stanza kind shares: who sent it, to whom, and its id.
struct StanzaAddressing: Sendable, Equatable {
    var id: String?
    var from: JID?
    var to: JID?

    init(id: String?, from: JID?, to: JID?) {
        self.id = id
        self.from = from
        self.to = to
    }

    init(_ element: XMLElement) throws(StanzaParseError) {
        id = element.attribute("id")
        from = try Self.address(element, "from")
        to = try Self.address(element, "to")
    }

    /// The attributes to write, `type` first as servers and peers conventionally do.
    func attributes(type: String?) -> [XMLAttribute] {
        var attributes: [XMLAttribute] = []
        if let type { attributes.append(XMLAttribute("type", value: type)) }
        if let id { attributes.append(XMLAttribute("id", value: id)) }
        if let from { attributes.append(XMLAttribute("from", value: from.description)) }
        if let to { attributes.append(XMLAttribute("to", value: to.description)) }
        return attributes
    }

    private static func address(_ element: XMLElement, _ attribute: String) throws(StanzaParseError) -> JID? {
        guard let text = element.attribute(attribute) else { return nil }
        do { return try JID(text) } catch { throw .invalidAddress(attribute: attribute, error) }
    }
}
