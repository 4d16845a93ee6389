import CSQLite
import Glibc

/// A connection to one SQLite database file, created readable by its owner only. Not shared
/// between threads: one owner (the `HistoryStore` actor) makes every call.
final class SQLiteDatabase {
    let handle: OpaquePointer
    let path: String

    init(path: String) throws(SQLiteError) {
        // Create the file ourselves: SQLite would create it with the umask's mode, and it
        // gives the -wal and -shm files the database file's mode.
        let descriptor = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else {
            throw SQLiteError(code: SQLITE_CANTOPEN, message: String(cString: strerror(errno)), context: "creating \(path)")
        }
        close(descriptor)
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(path, &handle, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nil)
        guard code == SQLITE_OK, let handle else {
            let message = handle.map { String(cString: sqlite3_errmsg($0)) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_close_v2(handle)
            throw SQLiteError(code: code, message: message, context: "opening \(path)")
        }
        sqlite3_extended_result_codes(handle, 1)
        self.handle = handle
        self.path = path
    }

    deinit {
        sqlite3_close_v2(handle)
    }

    func prepare(_ sql: String) throws(SQLiteError) -> SQLiteStatement {
        try SQLiteStatement(database: self, sql: sql)
    }

    /// Runs one statement with `values` bound, discarding any rows.
    func run(_ sql: String, _ values: [SQLiteValue] = []) throws(SQLiteError) {
        let statement = try prepare(sql)
        try statement.bind(values)
        while try statement.step() {}
    }

    /// Runs one statement and returns each row converted by `row`.
    func query<Row>(
        _ sql: String, _ values: [SQLiteValue] = [], row: (SQLiteStatement) -> Row
    ) throws(SQLiteError) -> [Row] {
        let statement = try prepare(sql)
        try statement.bind(values)
        var rows: [Row] = []
        while try statement.step() {
            rows.append(row(statement))
        }
        return rows
    }

    /// Runs several statements separated by semicolons, such as a schema migration.
    func execute(script: String) throws(SQLiteError) {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, script, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw SQLiteError(code: code, message: text, context: "running a script on \(path)")
        }
    }

    /// Runs `body` in one write transaction, taken at once so that a concurrent writer makes
    /// it wait for the busy timeout rather than fail half-way; rolls back when `body` throws.
    /// `sync` says whether the commit waits for the disk.
    func transaction<Result>(
        sync: CommitSync = .full, _ body: () throws(SQLiteError) -> Result
    ) throws(SQLiteError) -> Result {
        // Stated for every transaction, so that one committed without a flush never leaves
        // the connection set to commit the next one without.
        try run("PRAGMA synchronous = \(sync.rawValue)")
        try run("BEGIN IMMEDIATE")
        do throws(SQLiteError) {
            let result = try body()
            try run("COMMIT")
            return result
        } catch {
            try? run("ROLLBACK")
            throw error
        }
    }

    var lastInsertedRowID: Int64 {
        sqlite3_last_insert_rowid(handle)
    }

    /// How long a statement waits for another connection's lock before failing with
    /// `SQLITE_BUSY`.
    func setBusyTimeout(_ timeout: Duration) {
        sqlite3_busy_timeout(handle, Int32(timeout / .milliseconds(1)))
    }

    /// Memory this connection's page cache holds now, in bytes.
    var pageCacheBytes: Int {
        var current: Int32 = 0
        var highwater: Int32 = 0
        sqlite3_db_status(handle, SQLITE_DBSTATUS_CACHE_USED, &current, &highwater, 0)
        return Int(current)
    }

    /// Rows changed by the last INSERT, UPDATE or DELETE.
    var changes: Int {
        Int(sqlite3_changes(handle))
    }

    /// The database's schema version (`PRAGMA user_version`).
    func userVersion() throws(SQLiteError) -> Int {
        try query("PRAGMA user_version") { Int($0.column(0).integer ?? 0) }.first ?? 0
    }

    func setUserVersion(_ version: Int) throws(SQLiteError) {
        try run("PRAGMA user_version = \(version)")
    }

    func error(_ code: Int32, context: String) -> SQLiteError {
        SQLiteError(code: code, message: String(cString: sqlite3_errmsg(handle)), context: context)
    }
}

/// How far a commit waits for the disk, in write-ahead-log mode (`PRAGMA synchronous`).
enum CommitSync: String {
    /// The log is flushed before the commit returns: the transaction survives a power cut.
    case full = "FULL"
    /// No flush of its own: after a power cut the database is intact, but the transaction
    /// may be gone, unless a later full commit flushed the log (it is written in order).
    case normal = "NORMAL"
}
