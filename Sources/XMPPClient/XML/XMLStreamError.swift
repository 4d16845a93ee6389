/// Why the incoming XML stream cannot go on: the stream error condition to send (or that
/// describes what the peer sent) and a sentence for the log saying where and what.
public struct XMLStreamError: Error, Sendable, Equatable, CustomStringConvertible {
    public let condition: StreamErrorCondition
    public let message: String

    public init(_ condition: StreamErrorCondition, _ message: String) {
        self.condition = condition
        self.message = message
    }

    public var description: String { "\(condition.rawValue): \(message)" }
}
