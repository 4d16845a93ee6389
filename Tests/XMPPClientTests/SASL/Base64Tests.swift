import Testing
@testable import XMPPClient

@Suite struct Base64Tests {
    // RFC 4648 §10.
    static let vectors: [(String, String)] = [
        ("", ""), ("f", "Zg=="), ("fo", "Zm8="), ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="), ("fooba", "Zm9vYmE="), ("foobar", "Zm9vYmFy"),
    ]

    @Test(arguments: vectors)
    func encodesAndDecodesRFC4648Vectors(plain: String, encoded: String) {
        #expect(Base64.encode(Array(plain.utf8)) == encoded)
        #expect(Base64.decode(encoded) == Array(plain.utf8))
    }

    @Test func encodesAllByteValues() {
        let bytes = (0 ... 255).map(UInt8.init)
        #expect(Base64.decode(Base64.encode(bytes)) == bytes)
        #expect(Base64.encode([0xFB, 0xFF]) == "+/8=")
    }

    @Test(arguments: [
        "Zg",        // missing padding
        "Zg=",       // length not a multiple of four
        "Z===",      // three padding characters
        "Zg==Zg==",  // padding before the end
        "Zh==",      // unused bits not zero
        "Zm9=",      // unused bits not zero
        "Zm9*",      // outside the alphabet
        "Zm9v\n",    // line break
        "Zm 9v",     // space
        "Zm9v-_==",  // URL-safe alphabet
    ])
    func refusesNonCanonicalText(_ text: String) {
        #expect(Base64.decode(text) == nil)
    }
}
