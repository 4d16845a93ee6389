import Glibc

/// The `errno` of a failed system call, kept as a value so an error can carry it and print
/// the C library's words for it ("Input/output error (errno 5)").
public struct SystemErrorCode: Error, Sendable, Hashable, CustomStringConvertible {
    public var rawValue: Int32

    public init(_ rawValue: Int32) {
        self.rawValue = rawValue
    }

    /// The calling thread's `errno`, read right after the call that failed.
    public static var current: SystemErrorCode {
        SystemErrorCode(errno)
    }

    /// The C library's words alone: "Input/output error".
    public var reason: String {
        String(cString: strerror(rawValue))
    }

    public var description: String {
        "\(reason) (errno \(rawValue))"
    }
}
