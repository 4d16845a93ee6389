/// Why the gateway could not start: one line a person can act on.
public struct GatewayStartError: Error, Sendable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
