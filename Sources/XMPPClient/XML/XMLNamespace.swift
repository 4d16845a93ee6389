/// Namespaces the XML stream layer itself must know.
public enum XMLNamespace {
    /// The namespace bound to the `xml:` prefix (for `xml:lang`).
    public static let xml = "http://www.w3.org/XML/1998/namespace"
    /// The XMPP stream envelope (`<stream:stream>`, `<stream:features>`, `<stream:error>`).
    public static let streams = "http://etherx.jabber.org/streams"
    /// Stream error conditions.
    public static let streamErrors = "urn:ietf:params:xml:ns:xmpp-streams"
    /// The default namespace of client-to-server streams.
    public static let client = "jabber:client"
}
