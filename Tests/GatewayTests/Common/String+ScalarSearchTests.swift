import Testing

@testable import Gateway

struct StringScalarSearchTests {
    @Test func findsScalarsInsideCharacters() {
        #expect("a\r\nb".replacingScalars("\r", with: " ") == "a \nb")
        #expect("x\\\u{301}".replacingScalars("\\", with: "\\\\") == "x\\\\\u{301}")
        #expect("hunter2\u{301}".replacingScalars("hunter2", with: "<redacted>") == "<redacted>\u{301}")
        #expect("abc".replacingScalars("d", with: "e") == "abc")
        #expect("a\r\nb".containsScalars("\r"))
        #expect(!"\u{E9}".containsScalars("e"))
        #expect("e\u{301}".containsScalars("e"))
    }

    @Test func replacesEveryOccurrenceLeftToRight() {
        #expect("aaa".replacingScalars("aa", with: "b") == "ba")
        #expect("xyxyx".replacingScalars("xy", with: "") == "x")
        #expect("ab".replacingScalars("ab", with: "abab") == "abab")
        #expect("ab".replacingScalars("", with: "x") == "ab")
        #expect("".replacingScalars("a", with: "x") == "")
        #expect("Grüße, grüße".replacingScalars("üß", with: "ue") == "Gruee, gruee")
    }

    @Test func containsAtEitherEnd() {
        #expect("client_secret".containsScalars("secret"))
        #expect("password_file_text".containsScalars("password"))
        #expect(!"secre".containsScalars("secret"))
        #expect("".containsScalars(""))
        #expect(!"".containsScalars("a"))
    }
}
