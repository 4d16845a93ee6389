import Testing
@testable import Drivers

struct LineBufferTests {
    @Test func partialLinesWaitForTheirNewline() {
        var buffer = LineBuffer(maximumLength: 64)
        #expect(buffer.feed(Array("T=2".utf8)).isEmpty)
        #expect(buffer.feed(Array("1.4;H=4".utf8)).isEmpty)
        #expect(buffer.feed(Array("0\r\nT=".utf8)) == ["T=21.4;H=40"])
        #expect(buffer.feed(Array("1\n\n\r\nT=2\n".utf8)) == ["T=1", "T=2"])
    }

    @Test func overlongLinesAreDiscardedWholeAndCounted() {
        var buffer = LineBuffer(maximumLength: 8)
        #expect(buffer.feed(Array("0123456789abcdef".utf8)).isEmpty)
        #expect(buffer.feed(Array("more of it\nok\n".utf8)) == ["ok"])
        #expect(buffer.overlongLinesDiscarded == 1)
    }

    @Test func theLimitIsTheLineWithoutItsEnding() {
        var buffer = LineBuffer(maximumLength: 4)
        #expect(buffer.feed(Array("abcd\r\nabcd\nabcde\r\n".utf8)) == ["abcd", "abcd"])
        #expect(buffer.overlongLinesDiscarded == 1)
    }

    @Test func invalidUTF8BecomesReplacementCharacters() {
        var buffer = LineBuffer(maximumLength: 16)
        #expect(buffer.feed([0x41, 0xFF, 0x42, 0x0A]) == ["A\u{FFFD}B"])
    }
}
