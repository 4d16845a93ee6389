import Drivers
import Foundation
import Simulators
import Synchronization
import Testing
@testable import Gateway

struct BacklogPublisherTests {
    /// What a publish function was handed, in order.
    private final class Publications: Sendable {
        private let readings = Mutex<[HistoryReading]>([])

        var all: [HistoryReading] {
            readings.withLock { $0 }
        }

        func append(_ reading: HistoryReading) {
            readings.withLock { $0.append(reading) }
        }
    }

    private struct ServerUnreachable: Error, CustomStringConvertible {
        var description: String { "server unreachable" }
    }

    private func backlog(_ store: HistoryStore, count: Int) async throws -> [HistoryReading] {
        // Appended newest first: the order of publication is the order of measurement.
        let readings = (0..<count).reversed().map {
            HistoryStoreTests.reading("living", "temperature", at: Int64($0) * 1000, .number(Double($0)))
        }
        try await store.append(readings)
        return readings.reversed()
    }

    @Test func backlogGoesOutInOrderAtTheRateAllowed() async throws {
        let directory = try ScratchDirectory()
        let store = try HistoryStore(path: directory.path("history.sqlite"))
        let readings = try await backlog(store, count: 5)
        let clock = ManualClock()
        let publisher = BacklogPublisher(store: store, rate: PublishRate(count: 2, per: .seconds(1)), clock: clock, pageSize: 3)
        let published = Publications()
        let drain = Task { await publisher.drain { published.append($0.reading) } }
        await clock.waitForSleepers()
        #expect(published.all.count == 2)
        clock.advance(by: .milliseconds(999))
        #expect(published.all.count == 2)
        clock.advance(by: .milliseconds(1))
        await clock.waitForSleepers()
        #expect(published.all.count == 4)
        clock.advance(by: .seconds(1))
        #expect(await drain.value == .finished(published: 5))
        #expect(published.all == readings)
        #expect(try await store.unpublishedCount() == 0)
    }

    @Test func failureStopsTheDrainWithoutLosingAnything() async throws {
        let directory = try ScratchDirectory()
        let store = try HistoryStore(path: directory.path("history.sqlite"))
        let readings = try await backlog(store, count: 5)
        let publisher = BacklogPublisher(store: store, rate: PublishRate(count: 100), clock: ManualClock())
        let published = Publications()
        let stopped = await publisher.drain { stored in
            guard published.all.count < 2 else { throw ServerUnreachable() }
            published.append(stored.reading)
        }
        #expect(stopped == .stopped(published: 2, reason: "server unreachable"))
        #expect(try await store.unpublished(limit: 10).map(\.reading) == Array(readings[2...]))
        let finished = await publisher.drain { published.append($0.reading) }
        #expect(finished == .finished(published: 3))
        #expect(published.all == readings)
    }

    @Test func readingsALivePublicationCarriesAreLeftAlone() async throws {
        let directory = try ScratchDirectory()
        let store = try HistoryStore(path: directory.path("history.sqlite"))
        let readings = try await backlog(store, count: 6)
        // A page of two: the claimed readings fill whole pages, which the drain must get past.
        let publisher = BacklogPublisher(store: store, rate: PublishRate(count: 100), clock: ManualClock(), pageSize: 2)
        let claimed = Set(readings[0...2].map(\.value))
        let published = Publications()
        let outcome = await publisher.drain(leavingAlone: { claimed.contains($0.reading.value) }) {
            published.append($0.reading)
        }
        #expect(outcome == .finished(published: 3))
        #expect(published.all == Array(readings[3...]))
        #expect(try await store.unpublished(limit: 10).map(\.reading) == Array(readings[0...2]))
    }

    @Test func emptyBacklogFinishesAtOnce() async throws {
        let directory = try ScratchDirectory()
        let store = try HistoryStore(path: directory.path("history.sqlite"))
        let publisher = BacklogPublisher(store: store, rate: PublishRate(count: 1), clock: ManualClock())
        #expect(await publisher.drain { _ in Issue.record("nothing to publish") } == .finished(published: 0))
    }
}
