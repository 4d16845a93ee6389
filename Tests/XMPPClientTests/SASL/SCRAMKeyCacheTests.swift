import Testing
@testable import XMPPClient

@Suite struct SCRAMKeyCacheTests {
    private func bytes(_ text: String) -> [UInt8] { Array(text.utf8) }

    /// Runs a vector's exchange up to client-final through `cache`.
    private func clientFinal(_ vector: SCRAMVector, cache: SCRAMKeyCache, password: String = "pencil") throws -> [UInt8] {
        var client = try vector.client(keyCache: cache, password: password)
        _ = try client.initialResponse()
        return try client.receiveChallenge(bytes(vector.serverFirst))
    }

    @Test func reconnectReusesTheDerivedKeys() throws {
        let cache = SCRAMKeyCache()
        for _ in 0 ..< 3 {
            // Keys from the cache must still give the vector's proof.
            #expect(try clientFinal(.rfc5802, cache: cache) == bytes(SCRAMVector.rfc5802.clientFinal))
        }
        #expect(cache.derivationCount == 1)
    }

    @Test func anotherSaltHashOrPasswordDerivesAgain() throws {
        let cache = SCRAMKeyCache()
        _ = try clientFinal(.rfc5802, cache: cache)
        _ = try clientFinal(.rfc7677, cache: cache)
        #expect(cache.derivationCount == 2)
        // RFC 7677's salt and count under SHA-512: same salt, another hash.
        #expect(try clientFinal(SCRAMVector.derivedHere[0], cache: cache) == bytes(SCRAMVector.derivedHere[0].clientFinal))
        #expect(cache.derivationCount == 3)
        // A password changed in the configuration must not be answered from the cache.
        #expect(try clientFinal(.rfc5802, cache: cache, password: "crayon") != bytes(SCRAMVector.rfc5802.clientFinal))
        #expect(cache.derivationCount == 4)
    }

    @Test func forgetsTheOldestEntryWhenFull() throws {
        let cache = SCRAMKeyCache(capacity: 1)
        _ = try clientFinal(.rfc5802, cache: cache)
        _ = try clientFinal(.rfc7677, cache: cache)
        _ = try clientFinal(.rfc5802, cache: cache)
        #expect(cache.derivationCount == 3)
    }

    @Test func concurrentSessionsShareOneDerivation() async throws {
        let cache = SCRAMKeyCache()
        try await withThrowingTaskGroup(of: [UInt8].self) { group in
            for _ in 0 ..< 8 {
                group.addTask { try clientFinal(.rfc5802, cache: cache) }
            }
            for try await result in group {
                #expect(result == bytes(SCRAMVector.rfc5802.clientFinal))
            }
        }
        #expect(cache.derivationCount == 1)
    }
}
