import CSQLite

/// A prepared statement of a `SQLiteDatabase`: bind parameters, step through rows, read
/// columns. Used by one caller at a time (its database's owner).
final class SQLiteStatement {
    private let handle: OpaquePointer
    private let database: SQLiteDatabase
    let sql: String

    init(database: SQLiteDatabase, sql: String) throws(SQLiteError) {
        var handle: OpaquePointer?
        let code = sqlite3_prepare_v2(database.handle, sql, -1, &handle, nil)
        guard code == SQLITE_OK, let handle else {
            throw database.error(code, context: "preparing \(sql)")
        }
        self.handle = handle
        self.database = database
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Resets the statement and binds `values` to its parameters `?1`, `?2`, ….
    func bind(_ values: [SQLiteValue]) throws(SQLiteError) {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            let index = Int32(offset + 1)
            let code = switch value {
            case .null: sqlite3_bind_null(handle, index)
            case let .integer(number): sqlite3_bind_int64(handle, index, number)
            case let .real(number): sqlite3_bind_double(handle, index, number)
            case let .text(text): sqlite3_bind_text(handle, index, text, -1, csqlite_transient())
            }
            guard code == SQLITE_OK else { throw database.error(code, context: "binding parameter \(index) of \(sql)") }
        }
    }

    /// Runs the statement to its next row: `true` when a row is there to read, `false` when
    /// the statement is done.
    func step() throws(SQLiteError) -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default:
            sqlite3_reset(handle)
            throw database.error(code, context: "running \(sql)")
        }
    }

    /// The value of result column `index` (from 0) of the current row.
    func column(_ index: Int32) -> SQLiteValue {
        switch sqlite3_column_type(handle, index) {
        case SQLITE_INTEGER: .integer(sqlite3_column_int64(handle, index))
        case SQLITE_FLOAT: .real(sqlite3_column_double(handle, index))
        case SQLITE_NULL: .null
        default: sqlite3_column_text(handle, index).map { .text(String(cString: $0)) } ?? .null
        }
    }
}
