import Drivers
import Foundation
import Testing
@testable import Gateway

struct HistoryStoreTests {
    /// A reading at `milliseconds` after 2026-01-01 00:00 UTC.
    static func reading(
        _ device: String, _ field: String, at milliseconds: Int64, _ value: FieldValue?, unit: String? = nil,
        flags: ReadingFlags = []
    ) -> HistoryReading {
        HistoryReading(
            device: device, field: field, time: Date(unixMilliseconds: 1_767_225_600_000 + milliseconds), value: value,
            unit: unit, flags: flags
        )
    }

    @Test func everyKindOfValueComesBackAsStored() async throws {
        let directory = try ScratchDirectory()
        let store = try HistoryStore(path: directory.path("history.sqlite"))
        let readings = [
            Self.reading("living", "temperature", at: 0, .number(21.437), unit: "°C"),
            Self.reading("living", "count", at: 1, .integer(9_007_199_254_740_993)),
            Self.reading("living", "heating", at: 2, .boolean(true)),
            Self.reading("living", "state", at: 3, .text("holding heat on (min on time, 2 min left)")),
            Self.reading("living", "humidity", at: 4, nil, unit: "%RH", flags: .failure),
            Self.reading("living", "temperature", at: 5, .number(-3.5), unit: "°C", flags: .stale),
        ]
        let ids = try await store.append(readings)
        #expect(ids.count == 6 && ids == ids.sorted())
        let stored = try await store.readings(device: "living")
        #expect(stored.map(\.reading) == readings)
        #expect(stored.map(\.id) == ids)
        #expect(stored.allSatisfy { !$0.isPublished })
    }

    @Test func timeRangeFieldsAndLimitSelectOldestFirst() async throws {
        let directory = try ScratchDirectory()
        let store = try HistoryStore(path: directory.path("history.sqlite"))
        // Appended out of order, and interleaved with another device.
        for second in [5, 1, 9, 3, 7, 2, 8, 4, 6, 10] {
            try await store.append([
                Self.reading("living", "temperature", at: Int64(second) * 1000, .number(Double(second))),
                Self.reading("living", "humidity", at: Int64(second) * 1000, .number(40)),
                Self.reading("kitchen", "temperature", at: Int64(second) * 1000, .number(0)),
            ])
        }
        let window = try await store.readings(
            device: "living", fields: ["temperature"], from: Self.reading("", "", at: 3000, nil).time,
            to: Self.reading("", "", at: 7000, nil).time
        )
        #expect(window.map(\.reading.value) == [3, 4, 5, 6, 7].map { FieldValue.number($0) })
        let firstTwo = try await store.readings(device: "living", fields: ["temperature"], limit: 2)
        #expect(firstTwo.map(\.reading.value) == [.number(1), .number(2)])
        #expect(try await store.readings(device: "living").count == 20)
        #expect(try await store.readings(device: "living", fields: ["temperature", "humidity"], limit: 3).count == 3)
        #expect(try await store.readings(device: "garage").isEmpty)
    }

    @Test func retentionKeepsEachDeviceWithinItsBounds() async throws {
        let directory = try ScratchDirectory()
        let policy = HistoryRetentionPolicy(
            standard: HistoryRetention(maximumAge: .seconds(60), maximumRows: nil),
            devices: ["meter": HistoryRetention(maximumAge: nil, maximumRows: 5)]
        )
        let store = try HistoryStore(path: directory.path("history.sqlite"), retention: policy)
        try await store.append((0..<120).map { Self.reading("living", "temperature", at: Int64($0) * 1000, .number(Double($0))) })
        try await store.append((0..<12).map { Self.reading("meter", "energy", at: Int64($0) * 1000, .integer($0)) })
        // Two meter readings share a time: the later appended is the newer.
        try await store.append([Self.reading("meter", "energy", at: 11_000, .integer(12))])
        let now = Self.reading("", "", at: 120_000, nil).time
        let removed = try await store.prune(now: now)
        let living = try await store.readings(device: "living")
        #expect(living.first?.reading.value == .number(60))
        #expect(living.count == 60)
        let meter = try await store.readings(device: "meter")
        #expect(meter.map(\.reading.value) == [8, 9, 10, 11, 12].map { FieldValue.integer($0) })
        #expect(removed == 60 + 8)
        #expect(try await store.prune(now: now) == 0)
    }

    @Test func unpublishedQueueIsOldestFirstWithOriginalTimes() async throws {
        let directory = try ScratchDirectory()
        let store = try HistoryStore(path: directory.path("history.sqlite"))
        let readings = [
            Self.reading("living", "temperature", at: 3000, .number(21)),
            Self.reading("kitchen", "temperature", at: 1000, .number(19)),
            Self.reading("living", "temperature", at: 2000, .number(20)),
            Self.reading("kitchen", "temperature", at: 4000, .number(18)),
        ]
        try await store.append(readings)
        let queue = try await store.unpublished(limit: 10)
        #expect(queue.map(\.reading) == [readings[1], readings[2], readings[0], readings[3]])
        try await store.markPublished(Array(queue.prefix(2).map(\.id)))
        #expect(try await store.unpublished(limit: 10).map(\.reading) == [readings[0], readings[3]])
        #expect(try await store.unpublished(limit: 1).map(\.reading) == [readings[0]])
        #expect(try await store.unpublishedCount() == 2)
        #expect(try await store.readings(device: "kitchen").map(\.isPublished) == [true, false])
    }

    @Test func unpublishedAfterAPositionSkipsWhatCameBefore() async throws {
        let directory = try ScratchDirectory()
        let store = try HistoryStore(path: directory.path("history.sqlite"))
        // Two readings share a time: the row id orders them.
        let readings = [
            Self.reading("living", "temperature", at: 1000, .number(20)),
            Self.reading("living", "humidity", at: 1000, .number(45)),
            Self.reading("living", "temperature", at: 2000, .number(21)),
        ]
        try await store.append(readings)
        let all = try await store.unpublished(limit: 10)
        #expect(try await store.unpublished(after: all[0], limit: 10).map(\.reading) == Array(readings[1...]))
        #expect(try await store.unpublished(after: all[1], limit: 1).map(\.reading) == [readings[2]])
        #expect(try await store.unpublished(after: all[2], limit: 10).isEmpty)
    }

    /// A history of weeks is far larger than SQLite's default cache of 2 MB, which would
    /// fill up and stay resident.
    @Test func pageCacheStaysSmallWhileAHistoryLargerThanItIsRead() async throws {
        let directory = try ScratchDirectory()
        let store = try HistoryStore(path: directory.path("history.sqlite"))
        let readings = (0..<30_000).map { Self.reading("living", "temperature", at: Int64($0) * 1000, .number(21.5), unit: "°C") }
        try await store.markPublished(try await store.append(readings))
        #expect(try await store.readings(device: "living").count == readings.count)
        let fileBytes = try ["history.sqlite", "history.sqlite-wal"].reduce(0) { total, name in
            total + (try FileManager.default.attributesOfItem(atPath: directory.path(name))[.size] as? Int ?? 0)
        }
        #expect(fileBytes > 2_000_000)
        let cacheBytes = await store.pageCacheBytes()
        #expect(cacheBytes > 0 && cacheBytes <= HistoryStore.pageCacheKiB * 1024 * 5 / 4, "\(cacheBytes) bytes")
    }

    @Test func reopenedHistoryHasEverythingAndIsPrivate() async throws {
        let directory = try ScratchDirectory()
        let path = directory.path("history.sqlite")
        do {
            let store = try HistoryStore(path: path)
            let ids = try await store.append([Self.reading("living", "temperature", at: 0, .number(21))])
            try await store.markPublished(ids)
            try await store.append([Self.reading("living", "temperature", at: 1000, .number(22))])
        }
        let store = try HistoryStore(path: path)
        #expect(try await store.readings(device: "living").map(\.isPublished) == [true, false])
        #expect(try await store.integrityCheck() == ["ok"])
        let database = try SQLiteDatabase(path: path)
        #expect(try database.userVersion() == HistoryStore.migrations.count)
        #expect(try database.query("PRAGMA journal_mode") { $0.column(0).text } == ["wal"])
        for file in [path, path + "-wal"] {
            let attributes = try FileManager.default.attributesOfItem(atPath: file)
            #expect((attributes[.posixPermissions] as? Int) == 0o600, "\(file)")
        }
    }

    @Test func historyFromANewerGatewayIsRefused() throws {
        let directory = try ScratchDirectory()
        let path = directory.path("history.sqlite")
        try SQLiteDatabase(path: path).setUserVersion(99)
        #expect {
            _ = try HistoryStore(path: path)
        } throws: { error in
            "\(error)".contains("schema version 99 is newer than this gateway's (1)")
        }
    }

    /// A transaction that commits without a flush leaves the next one at its own setting.
    @Test func eachTransactionCommitsWithTheSyncItAsksFor() throws {
        let directory = try ScratchDirectory()
        let database = try SQLiteDatabase(path: directory.path("plain.sqlite"))
        #expect(try database.query("PRAGMA journal_mode = WAL") { $0.column(0).text } == ["wal"])
        let modes = try [CommitSync.normal, .full, .normal].map { sync throws(SQLiteError) in
            try database.transaction(sync: sync) { () throws(SQLiteError) in
                try database.query("PRAGMA synchronous") { $0.column(0).integer ?? -1 }
            }
        }
        // SQLite's numbers: 1 NORMAL, 2 FULL.
        #expect(modes == [[1], [2], [1]])
        #expect(try database.transaction { () throws(SQLiteError) in
            try database.query("PRAGMA synchronous") { $0.column(0).integer ?? -1 }
        } == [2])
    }

    @Test func sqliteErrorsCarrySQLitesMessage() throws {
        let directory = try ScratchDirectory()
        let database = try SQLiteDatabase(path: directory.path("plain.sqlite"))
        #expect {
            try database.run("SELECT * FROM nowhere")
        } throws: { error in
            "\(error)".contains("no such table: nowhere")
        }
    }
}
