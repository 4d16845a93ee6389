import Testing

@testable import Gateway

struct StringScalarReplacingTests {
    @Test func findsScalarsInsideCharacters() {
        #expect("a\r\nb".replacingScalars("\r", with: " ") == "a \nb")
        #expect("x\\\u{301}".replacingScalars("\\", with: "\\\\") == "x\\\\\u{301}")
        #expect("hunter2\u{301}".replacingScalars("hunter2", with: "<redacted>") == "<redacted>\u{301}")
        #expect("abc".replacingScalars("d", with: "e") == "abc")
    }
}
