import CSQLite

/// A failed SQLite call, with SQLite's own message and what the gateway was doing.
public struct SQLiteError: Error, Sendable, Hashable, CustomStringConvertible {
    /// SQLite's extended result code (`SQLITE_BUSY`, `SQLITE_CORRUPT`, …).
    public var code: Int32
    public var message: String
    /// What was being done: `opening /var/lib/…/history.sqlite`, `preparing INSERT …`.
    public var context: String

    public init(code: Int32 = SQLITE_ERROR, message: String, context: String) {
        self.code = code
        self.message = message
        self.context = context
    }

    public var description: String {
        "\(context): \(message) (SQLite code \(code))"
    }
}
