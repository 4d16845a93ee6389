/// What the stream parser recognised in the bytes fed to it, in order.
public enum XMLStreamEvent: Sendable, Equatable {
    /// The opening `<stream:stream …>` tag, as an element without children.
    case streamOpened(XMLElement)
    /// One complete top-level element (a stanza or a stream-level element such as
    /// `<stream:features>`).
    case stanza(XMLElement)
    /// The closing `</stream:stream>`.
    case streamClosed
    /// The stream broke a rule; the parser accepts nothing more. Everything before it was
    /// delivered as events first, so nothing already complete is lost.
    case failed(XMLStreamError)
}
