/// Bounds on what one peer may make the parser hold in memory.
public struct XMLStreamLimits: Sendable, Equatable {
    /// The largest top-level element, in bytes of XML as received. Prosody's default.
    public var maxStanzaBytes: Int
    /// The deepest nesting inside a stanza (the stanza itself is depth 1).
    public var maxDepth: Int

    public init(maxStanzaBytes: Int = 256 * 1024, maxDepth: Int = 64) {
        self.maxStanzaBytes = maxStanzaBytes
        self.maxDepth = maxDepth
    }
}
