/// A pseudo-terminal call that failed, with its `errno`.
public struct PseudoTerminalError: Error, Sendable, Hashable, CustomStringConvertible {
    public var operation: String
    public var errno: Int32

    public init(operation: String, errno: Int32) {
        self.operation = operation
        self.errno = errno
    }

    public var description: String {
        "\(operation): errno \(errno)"
    }
}
