import Drivers
import FoundationEssentials

/// The gateway's local history: every reading of every device, kept for the retention
/// configured per device, answering XEP-0323 historical readouts and holding what could not be
/// published yet (store and forward).
///
/// One SQLite file in write-ahead-log mode with `synchronous = FULL`: `append` returns only
/// once the log is flushed to disk, so an acknowledged reading survives not only the process
/// being killed (which `NORMAL` would survive too: the log is in the page cache) but also a
/// power cut, which on a Raspberry Pi is an everyday event. The cost is one fsync per batch,
/// and readings arrive in batches of seconds, not microseconds. Marking readings published
/// does not wait for the disk (see `markPublished`). After a crash SQLite replays the log on
/// the next open; a reader never blocks the writer.
public actor HistoryStore {
    /// The schema, one script per version; `PRAGMA user_version` records how many have run.
    /// A new version appends a script, never edits one.
    static let migrations = [
        """
        CREATE TABLE readings (
            id INTEGER PRIMARY KEY,
            device TEXT NOT NULL,
            field TEXT NOT NULL,
            time_ms INTEGER NOT NULL,
            value_type TEXT CHECK (value_type IN ('number', 'integer', 'boolean', 'text')),
            -- No declared type, so integers stay integers and reals reals, as bound.
            value_number,
            value_text TEXT,
            unit TEXT,
            flags INTEGER NOT NULL DEFAULT 0,
            published INTEGER NOT NULL DEFAULT 0
        );
        CREATE INDEX readings_by_device_time ON readings (device, time_ms, id);
        CREATE INDEX readings_unpublished ON readings (time_ms, id) WHERE published = 0;
        """,
    ]

    /// SQLite's own page cache, per connection. Its default, 2 MB, fills up once the history
    /// has grown (20 devices at the standard retention's limit take 180 MB) and then stays
    /// resident: it took the `iot` benchmark's gateway from 24.7 to 26.8 MB. What an append,
    /// a historical readout or a prune reads beyond this cache comes from the kernel's page
    /// cache, one `pread` per page: on that 180 MB history, appends (bound by their fsync)
    /// and one-day readouts took as long as with the default.
    static let pageCacheKiB = 64

    private static let columns = "id, device, field, time_ms, value_type, value_number, value_text, unit, flags, published"

    public nonisolated let path: String
    private let database: SQLiteDatabase
    private let retention: HistoryRetentionPolicy

    /// Opens the history at `path`, creating it (mode 0600) and migrating its schema as needed.
    public init(path: String, retention: HistoryRetentionPolicy = HistoryRetentionPolicy()) throws(SQLiteError) {
        let database = try SQLiteDatabase(path: path)
        database.setBusyTimeout(.seconds(5))
        let mode = try database.query("PRAGMA journal_mode = WAL") { $0.column(0).text }.first ?? nil
        guard mode == "wal" else {
            throw SQLiteError(message: "journal mode is \(mode ?? "unknown"), not wal", context: "opening \(path)")
        }
        try database.run("PRAGMA cache_size = -\(Self.pageCacheKiB)")
        try Self.migrate(database)
        self.path = path
        self.database = database
        self.retention = retention
    }

    /// Stores `readings` in one transaction and returns their ids once they are on disk.
    @discardableResult
    public func append(_ readings: [HistoryReading]) throws(SQLiteError) -> [Int64] {
        try database.transaction { () throws(SQLiteError) in
            let insert = try database.prepare(
                "INSERT INTO readings (device, field, time_ms, value_type, value_number, value_text, unit, flags) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
            )
            var ids: [Int64] = []
            for reading in readings {
                let (type, number, text) = Self.columns(of: reading.value)
                try insert.bind([
                    .text(reading.device), .text(reading.field), .integer(reading.time.unixMilliseconds),
                    SQLiteValue(type), number, SQLiteValue(text), SQLiteValue(reading.unit), .integer(Int64(reading.flags.rawValue)),
                ])
                while try insert.step() {}
                ids.append(database.lastInsertedRowID)
            }
            return ids
        }
    }

    /// The readings of `device` measured from `from` to `to` (both included; `nil`: open),
    /// of the given fields (empty: all), oldest first, at most `limit`.
    public func readings(
        device: String, fields: [String] = [], from: Date? = nil, to: Date? = nil, limit: Int? = nil
    ) throws(SQLiteError) -> [StoredReading] {
        var sql = "SELECT \(Self.columns) FROM readings WHERE device = ? AND time_ms BETWEEN ? AND ?"
        var values: [SQLiteValue] = [
            .text(device), .integer(from?.unixMilliseconds ?? .min), .integer(to?.unixMilliseconds ?? .max),
        ]
        if !fields.isEmpty {
            sql += " AND field IN (" + Array(repeating: "?", count: fields.count).joined(separator: ", ") + ")"
            values += fields.map(SQLiteValue.text)
        }
        sql += " ORDER BY time_ms, id LIMIT ?"
        values.append(.integer(Int64(limit ?? -1)))
        return try database.query(sql, values, row: Self.storedReading)
    }

    /// Readings not yet published, oldest measurement first, at most `limit`; only those
    /// after `position` when given (a drain's cursor, past readings it left alone).
    public func unpublished(after position: StoredReading? = nil, limit: Int) throws(SQLiteError) -> [StoredReading] {
        let start: [SQLiteValue] = position.map { [.integer($0.reading.time.unixMilliseconds), .integer($0.id)] }
            ?? [.integer(.min), .integer(.min)]
        return try database.query(
            "SELECT \(Self.columns) FROM readings WHERE published = 0 AND (time_ms, id) > (?, ?) ORDER BY time_ms, id LIMIT ?",
            start + [.integer(Int64(limit))],
            row: Self.storedReading
        )
    }

    public func unpublishedCount() throws(SQLiteError) -> Int {
        try database.query("SELECT count(*) FROM readings WHERE published = 0") { Int($0.column(0).integer ?? 0) }.first ?? 0
    }

    /// Records that the readings with `ids` were published, in one transaction that commits
    /// without an fsync of its own. A mark a power cut takes away only makes the backlog
    /// publish that reading once more (at least once, as for a crash between publishing and
    /// marking), and the next append's fsync takes it to disk anyway. Waiting for the disk
    /// here held up the next publication, which the publisher sends only once the last is
    /// marked.
    public func markPublished(_ ids: [Int64]) throws(SQLiteError) {
        guard !ids.isEmpty else { return }
        try database.transaction(sync: .normal) { () throws(SQLiteError) in
            let update = try database.prepare("UPDATE readings SET published = 1 WHERE id = ?")
            for id in ids {
                try update.bind([.integer(id)])
                while try update.step() {}
            }
        }
    }

    /// Removes what each device's retention no longer keeps at `now`; returns how many
    /// readings went.
    @discardableResult
    public func prune(now: Date) throws(SQLiteError) -> Int {
        try database.transaction { () throws(SQLiteError) in
            let devices = try database.query("SELECT DISTINCT device FROM readings") { $0.column(0).text ?? "" }
            var removed = 0
            for device in devices {
                let kept = retention.retention(for: device)
                if let maximumAge = kept.maximumAge {
                    let oldest = now.unixMilliseconds - Int64((maximumAge / .milliseconds(1)).rounded(.down))
                    try database.run("DELETE FROM readings WHERE device = ? AND time_ms < ?", [.text(device), .integer(oldest)])
                    removed += database.changes
                }
                if let maximumRows = kept.maximumRows {
                    // The newest reading beyond the limit; it and everything older goes.
                    let beyond = try database.query(
                        "SELECT time_ms, id FROM readings WHERE device = ? ORDER BY time_ms DESC, id DESC LIMIT 1 OFFSET ?",
                        [.text(device), .integer(Int64(max(maximumRows, 0)))]
                    ) { ($0.column(0), $0.column(1)) }.first
                    if let beyond {
                        try database.run(
                            "DELETE FROM readings WHERE device = ? AND (time_ms, id) <= (?, ?)", [.text(device), beyond.0, beyond.1]
                        )
                        removed += database.changes
                    }
                }
            }
            return removed
        }
    }

    /// Memory SQLite's page cache holds for the history now, in bytes.
    func pageCacheBytes() -> Int {
        database.pageCacheBytes
    }

    /// SQLite's own consistency check: `["ok"]`, or what is wrong.
    public func integrityCheck() throws(SQLiteError) -> [String] {
        try database.query("PRAGMA integrity_check") { $0.column(0).text ?? "" }
    }

    private static func migrate(_ database: SQLiteDatabase) throws(SQLiteError) {
        let version = try database.userVersion()
        guard version <= migrations.count else {
            throw SQLiteError(
                message: "schema version \(version) is newer than this gateway's (\(migrations.count))",
                context: "opening \(database.path)"
            )
        }
        for (index, script) in migrations.enumerated() where index >= version {
            try database.transaction { () throws(SQLiteError) in
                try database.execute(script: script)
                try database.setUserVersion(index + 1)
            }
        }
    }

    private static func columns(of value: FieldValue?) -> (type: String?, number: SQLiteValue, text: String?) {
        switch value {
        case nil: (nil, .null, nil)
        case let .number(number)?: ("number", .real(number), nil)
        case let .integer(number)?: ("integer", .integer(Int64(number)), nil)
        case let .boolean(flag)?: ("boolean", .integer(flag ? 1 : 0), nil)
        case let .text(text)?: ("text", .null, text)
        }
    }

    private static func storedReading(_ row: SQLiteStatement) -> StoredReading {
        let number = row.column(5)
        let value: FieldValue? = switch row.column(4).text {
        case "number": number.real.map(FieldValue.number)
        case "integer": number.integer.map { .integer(Int($0)) }
        case "boolean": number.integer.map { .boolean($0 != 0) }
        case "text": row.column(6).text.map(FieldValue.text)
        default: nil
        }
        return StoredReading(
            id: row.column(0).integer ?? 0,
            reading: HistoryReading(
                device: row.column(1).text ?? "",
                field: row.column(2).text ?? "",
                time: Date(unixMilliseconds: row.column(3).integer ?? 0),
                value: value,
                unit: row.column(7).text,
                flags: ReadingFlags(rawValue: Int(row.column(8).integer ?? 0))
            ),
            isPublished: row.column(9).integer == 1
        )
    }
}
