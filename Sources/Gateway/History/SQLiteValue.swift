/// A value bound to a statement's parameter or read from a result column, in SQLite's own
/// storage classes.
enum SQLiteValue: Sendable, Hashable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)

    init(_ text: String?) {
        self = text.map(SQLiteValue.text) ?? .null
    }

    var integer: Int64? {
        if case let .integer(value) = self { return value }
        return nil
    }

    var real: Double? {
        switch self {
        case let .real(value): value
        case let .integer(value): Double(value)
        case .null, .text: nil
        }
    }

    var text: String? {
        if case let .text(value) = self { return value }
        return nil
    }
}
