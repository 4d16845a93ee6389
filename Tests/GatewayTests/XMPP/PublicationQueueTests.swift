import Testing
@testable import Gateway

struct PublicationQueueTests {
    /// A queue whose first publication went out: publications flow.
    private func flowing() -> PublicationQueue<String> {
        var queue = PublicationQueue<String>()
        _ = queue.enqueue(device: "living", "first", historyIDs: [1])
        if let entry = queue.next() { queue.published(entry) }
        return queue
    }

    @Test func beforeAnythingWentOutANewerStateLeavesTheReadingsItReplacesToTheBacklog() {
        var queue = PublicationQueue<String>()
        #expect(queue.isStalled)
        #expect(queue.enqueue(device: "living", "21.4", historyIDs: [1, 2]).isEmpty)
        #expect(queue.enqueue(device: "living", "21.5", historyIDs: [3]) == [1, 2])
        #expect(queue.claimed == [3])
        let entry = queue.next()
        #expect(entry?.publication == "21.5")
        #expect(entry?.historyIDs == [3])
        #expect(queue.next()?.device == nil)
    }

    @Test func whilePublicationsFlowANewerStateCarriesTheReadingsOfTheOneItReplaces() {
        var queue = flowing()
        #expect(!queue.isStalled)
        #expect(queue.claimed.isEmpty)
        #expect(queue.enqueue(device: "living", "21.4", historyIDs: [2]).isEmpty)
        #expect(queue.enqueue(device: "living", "21.5", historyIDs: [3]).isEmpty)
        #expect(queue.claimed == [2, 3])
        let entry = queue.next()
        #expect(entry?.publication == "21.5")
        #expect(entry?.historyIDs == [2, 3])
    }

    @Test func aFailedPublicationWaitsAgainAndStallsTheQueue() throws {
        var queue = flowing()
        _ = queue.enqueue(device: "living", "21.4", historyIDs: [2])
        let next = queue.next()
        let entry = try #require(next)
        #expect(queue.failed(entry).isEmpty)
        #expect(queue.isStalled)
        #expect(queue.claimed == [2])
        #expect(queue.next()?.historyIDs == [2])
        // Stalled: a newer state no longer swallows the readings of the one it replaces.
        _ = queue.enqueue(device: "living", "21.5", historyIDs: [3])
        #expect(queue.enqueue(device: "living", "21.6", historyIDs: [4]) == [3])
    }

    @Test func aLostLinkStopsTheCoalescingUntilAPublicationGoesOutAgain() throws {
        var queue = flowing()
        queue.linkLost()
        #expect(queue.isStalled)
        _ = queue.enqueue(device: "living", "21.4", historyIDs: [2])
        #expect(queue.enqueue(device: "living", "21.5", historyIDs: [3]) == [2])
        let next = queue.next()
        queue.published(try #require(next))
        #expect(!queue.isStalled)
        _ = queue.enqueue(device: "living", "21.6", historyIDs: [4])
        #expect(queue.enqueue(device: "living", "21.7", historyIDs: [5]).isEmpty)
    }

    @Test func aFailedPublicationOvertakenByANewerStateReleasesItsReadings() throws {
        var queue = flowing()
        _ = queue.enqueue(device: "living", "21.4", historyIDs: [2])
        let next = queue.next()
        let inFlight = try #require(next)
        _ = queue.enqueue(device: "living", "21.5", historyIDs: [3])
        #expect(queue.claimed == [2, 3])
        #expect(queue.failed(inFlight) == [2])
        #expect(queue.claimed == [3])
        #expect(queue.next()?.publication == "21.5")
        #expect(queue.next()?.device == nil)
    }

    @Test func devicesGoOutInTheOrderTheyFirstWaitedAndPublishedReadingsAreNoLongerClaimed() throws {
        var queue = flowing()
        _ = queue.enqueue(device: "kitchen", "19.0", historyIDs: [2])
        _ = queue.enqueue(device: "living", "21.4", historyIDs: [3])
        _ = queue.enqueue(device: "kitchen", "19.1", historyIDs: [4])
        let next = queue.next()
        let first = try #require(next)
        #expect(first.device == "kitchen")
        #expect(first.historyIDs == [2, 4])
        queue.published(first)
        #expect(queue.claimed == [3])
        #expect(queue.next()?.device == "living")
        #expect(queue.next()?.device == nil)
    }
}
