/// What a `RequestResponder` answers: the reply IQ and the stanzas that must follow it.
public struct RequestAnswer: Sendable {
    public var reply: IQ
    /// Sent right after the reply, in order.
    public var followUps: [XMLElement]

    public init(_ reply: IQ, followUps: [XMLElement] = []) {
        self.reply = reply
        self.followUps = followUps
    }
}
