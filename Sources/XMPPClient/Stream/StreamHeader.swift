/// The opening and closing tags of a client stream (RFC 6120 §4.2, §4.7).
public enum StreamHeader {
    /// The client's opening tag. `from` (the bare JID) is sent only once the stream is
    /// encrypted, so that an eavesdropper does not learn who connects.
    public static func opening(to domain: String, from: JID?) -> String {
        var text = "<?xml version='1.0'?><stream:stream xmlns='\(XMLNamespace.client)' "
            + "xmlns:stream='\(XMLNamespace.streams)' to='"
        XMLEscaping.appendAttributeValue(domain, to: &text)
        if let from {
            text += "' from='"
            XMLEscaping.appendAttributeValue(from.bare.description, to: &text)
        }
        text += "' version='1.0' xml:lang='en'>"
        return text
    }

    public static let closing = "</stream:stream>"

    /// Checks the server's opening tag: the streams namespace and XMPP 1.0 or later.
    public static func validate(_ header: XMLElement) throws(XMLStreamError) {
        guard header.name == "stream", header.namespace == XMLNamespace.streams else {
            throw XMLStreamError(.invalidNamespace, "the stream opens with <\(header.name)> in '\(header.namespace)'")
        }
        let version = header.attribute("version") ?? "0.9"
        guard let major = version.split(separator: ".").first.flatMap({ Int($0) }), major >= 1 else {
            throw XMLStreamError(.unsupportedVersion, "the server speaks stream version \(version), not 1.0")
        }
    }
}
