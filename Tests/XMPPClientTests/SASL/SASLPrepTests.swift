import Testing
@testable import XMPPClient

@Suite struct SASLPrepTests {
    // RFC 4013 §3, the examples that do not depend on the bidirectional rule.
    @Test func rfc4013Examples() throws {
        #expect(try SASLPrep.prepare("I\u{00AD}X") == "IX")
        #expect(try SASLPrep.prepare("user") == "user")
        #expect(try SASLPrep.prepare("USER") == "USER")
        #expect(try SASLPrep.prepare("\u{00AA}") == "a")
        #expect(try SASLPrep.prepare("\u{2168}") == "IX")
        #expect(throws: SASLPrepError.prohibitedCharacter("\u{0007}", table: .asciiControl)) {
            try SASLPrep.prepare("\u{0007}")
        }
    }

    @Test func mapsNonASCIISpacesAndRemovesInvisibles() throws {
        #expect(try SASLPrep.prepare("pass\u{00A0}word") == "pass word")
        #expect(try SASLPrep.prepare("pass\u{3000}word") == "pass word")
        #expect(try SASLPrep.prepare("pa\u{200B}ss\u{FEFF}") == "pass")
    }

    @Test func composesToNFKC() throws {
        #expect(try SASLPrep.prepare("A\u{030A}") == "\u{00C5}")
        #expect(try SASLPrep.prepare("\u{FB01}le") == "file")
    }

    @Test func refusesProhibitedCharacters() {
        #expect(throws: SASLPrepError.prohibitedCharacter("\t", table: .asciiControl)) {
            try SASLPrep.prepare("tab\there")
        }
        // A NUL goes through normalisation whole instead of ending the text there.
        #expect(throws: SASLPrepError.prohibitedCharacter("\u{0000}", table: .asciiControl)) {
            try SASLPrep.prepare("pass\u{0000}w\u{00F6}rd")
        }
        #expect(throws: SASLPrepError.prohibitedCharacter("\u{0085}", table: .nonASCIIControl)) {
            try SASLPrep.prepare("x\u{0085}")
        }
        #expect(throws: SASLPrepError.prohibitedCharacter("\u{E000}", table: .privateUse)) {
            try SASLPrep.prepare("\u{E000}")
        }
        #expect(throws: SASLPrepError.prohibitedCharacter("\u{1FFFE}", table: .nonCharacter)) {
            try SASLPrep.prepare("a\u{1FFFE}")
        }
        #expect(throws: SASLPrepError.prohibitedCharacter("\u{202E}", table: .changesDisplayProperties)) {
            try SASLPrep.prepare("a\u{202E}b")
        }
        #expect(throws: SASLPrepError.prohibitedCharacter("\u{E0041}", table: .tagging)) {
            try SASLPrep.prepare("a\u{E0041}")
        }
    }

    @Test func errorNamesTheCodePointAndTable() {
        let error = SASLPrepError.prohibitedCharacter("\u{0007}", table: .asciiControl)
        #expect(error.description == "contains U+0007, prohibited by SASLprep (RFC 3454 table C.2.1 ASCII control character)")
    }
}
