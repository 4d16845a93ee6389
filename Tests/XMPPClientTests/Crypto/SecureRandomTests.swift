import Testing
@testable import XMPPClient

@Suite struct SecureRandomTests {
    @Test func returnsTheRequestedCountAndDiffersBetweenDraws() throws {
        let first = try SecureRandom.bytes(count: 32)
        let second = try SecureRandom.bytes(count: 32)
        #expect(first.count == 32)
        // Equal 256-bit draws would mean the generator is broken, not unlucky.
        #expect(first != second)
        #expect(try SecureRandom.bytes(count: 0).isEmpty)
    }
}
