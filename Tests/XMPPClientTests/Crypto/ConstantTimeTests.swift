import Testing
@testable import XMPPClient

@Suite struct ConstantTimeTests {
    @Test func equalBytesCompareEqual() {
        #expect(ConstantTime.isEqual([1, 2, 3], [1, 2, 3]))
        #expect(ConstantTime.isEqual([], []))
    }

    @Test func anyDifferenceCompareUnequal() {
        #expect(!ConstantTime.isEqual([1, 2, 3], [1, 2, 4]))
        #expect(!ConstantTime.isEqual([0, 2, 3], [1, 2, 3]))
        #expect(!ConstantTime.isEqual([1, 2, 3], [1, 2]))
        #expect(!ConstantTime.isEqual([], [0]))
    }
}
