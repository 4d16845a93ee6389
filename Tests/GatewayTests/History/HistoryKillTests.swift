import Drivers
import Foundation
import Synchronization
import TestSupport
import Testing
@testable import Gateway

/// Killing the process at any moment loses no acknowledged reading and leaves a database
/// that opens cleanly. The writer is this test binary run again, with an environment variable
/// that turns `writer()` into the writing loop.
struct HistoryKillTests {
    private static let databaseVariable = "GATEWAY_TESTS_KILLED_WRITER_DATABASE"
    static let acknowledgement = "acknowledged batch "
    private static let batchSize = 20

    /// The child's side; in an ordinary run it has nothing to do.
    @Test func writer() async throws {
        guard let path = ProcessInfo.processInfo.environment[Self.databaseVariable] else { return }
        let store = try HistoryStore(path: path)
        // Bounded, so that a writer nobody kills still ends.
        for batch in 1...100_000 {
            try await store.append((0..<Self.batchSize).map { index in
                HistoryStoreTests.reading(
                    "writer", "value", at: Int64(batch) * 1000 + Int64(index), .integer(batch)
                )
            })
            // Unbuffered: the line leaves the process once the append has returned.
            FileHandle.standardOutput.write(Data("\(Self.acknowledgement)\(batch)\n".utf8))
        }
    }

    /// Three writers, each killed at its own random moment.
    @Test(.timeLimit(.minutes(1)), arguments: 1...3)
    func killedWriterLosesNoAcknowledgedReading(round: Int) async throws {
        let directory = try ScratchDirectory()
        let path = directory.path("history.sqlite")
        let child = try SpawnedProcess(
            try FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
            ["--testing-library", "swift-testing", "--filter", "HistoryKillTests/writer"],
            environment: ProcessInfo.processInfo.environment.merging([Self.databaseVariable: path]) { $1 },
            capture: .standardOutput)

        // Kill it after a random number of acknowledged batches — within about a second, in
        // the middle of an append, a commit or one of the checkpoints every few hundred batches.
        let killAfter = Int.random(in: 5...3000)
        var lines = AcknowledgementLines()
        var killed = false
        for await chunk in child.output() {
            lines.take(chunk)
            if !killed, lines.batches.count >= killAfter {
                child.send(SIGKILL)
                killed = true
            }
        }
        let status = await child.waitForExit()
        #expect(killed, "the writer ended after \(lines.batches.count) batches, before it was killed")
        // The wait status of a child killed by a signal is the signal's number.
        #expect(status & 0x7f == SIGKILL, "wait status \(status)")

        let acknowledged = lines.batches
        #expect(acknowledged == Array(1...(acknowledged.last ?? 0)))
        let store = try HistoryStore(path: path)
        #expect(try await store.integrityCheck() == ["ok"])
        var sizes: [Int: Int] = [:]
        for stored in try await store.readings(device: "writer") {
            if case let .integer(batch)? = stored.reading.value { sizes[batch, default: 0] += 1 }
        }
        for batch in acknowledged {
            #expect(sizes[batch] == Self.batchSize, "acknowledged batch \(batch) has \(sizes[batch] ?? 0) readings")
        }
        // A batch in flight at the kill is all there or not there.
        #expect(sizes.values.allSatisfy { $0 == Self.batchSize })
    }
}

/// The batches the writer acknowledged, from its output as it arrives in chunks that may end
/// in the middle of a line.
private struct AcknowledgementLines {
    private(set) var batches: [Int] = []
    private var partial = Data()

    mutating func take(_ chunk: Data) {
        partial.append(chunk)
        while let newline = partial.firstIndex(of: UInt8(ascii: "\n")) {
            let line = String(decoding: partial[partial.startIndex..<newline], as: UTF8.self)
            partial.removeSubrange(partial.startIndex...newline)
            if line.hasPrefix(HistoryKillTests.acknowledgement), let batch = Int(line.dropFirst(HistoryKillTests.acknowledgement.count)) {
                batches.append(batch)
            }
        }
    }
}
