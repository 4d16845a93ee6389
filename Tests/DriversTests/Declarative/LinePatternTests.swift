import Testing
@testable import Drivers

struct LinePatternTests {
    static let arduino = #"T=(?<t>-?[0-9]+(\.[0-9]+)?);H=(?<humidity>[0-9]+(\.[0-9]+)?)"#

    @Test func namedGroupsGiveTheirText() throws {
        let pattern = try LinePattern(Self.arduino)
        #expect(pattern.namedGroups(matching: "T=-3.5;H=85") == ["t": "-3.5", "humidity": "85"])
        #expect(pattern.hasGroup(named: "humidity"))
        #expect(!pattern.hasGroup(named: "h"))
    }

    @Test func theWholeLineMustMatch() throws {
        let pattern = try LinePattern(Self.arduino)
        #expect(pattern.namedGroups(matching: "xT=1;H=2") == nil)
        #expect(pattern.namedGroups(matching: "T=1;H=2x") == nil)
        // The end of the line is reached by backtracking into the alternatives, as `wholeMatch` did.
        #expect(try LinePattern("(?<word>a|ab)").namedGroups(matching: "ab") == ["word": "ab"])
    }

    @Test func aGroupThatDidNotTakePartHasNoEntry() throws {
        let pattern = try LinePattern("(?<mode>[a-z]*)(;A=(?<alarm>[01]))?")
        #expect(pattern.namedGroups(matching: "") == ["mode": ""])
        #expect(pattern.namedGroups(matching: "heat;A=1") == ["mode": "heat", "alarm": "1"])
    }

    @Test func nonASCIITextIsMatchedByCharacter() throws {
        let pattern = try LinePattern("(?<unit>.)=(?<value>[0-9]+)")
        #expect(pattern.namedGroups(matching: "µ=12") == ["unit": "µ", "value": "12"])
    }

    @Test func anInvalidPatternSaysWhatAndWhere() {
        #expect(throws: LinePatternError(message: "missing closing parenthesis", offset: 9)) {
            try LinePattern("(unclosed")
        }
        #expect(throws: LinePatternError(message: "missing terminating ] for character class", offset: 11)) {
            try LinePattern("T=(?<t>[0-9")
        }
        #expect(LinePatternError(message: "missing closing parenthesis", offset: 9).description
            == "missing closing parenthesis at offset 9")
    }

    @Test func catastrophicBacktrackingGivesUpAtTheMatchLimit() throws {
        // Without a limit every way of splitting the a's into runs of one and two (more than
        // 10^40) would be tried before the "!" refuses the line.
        let pattern = try LinePattern("(?<run>(a|aa)+)")
        #expect(pattern.namedGroups(matching: String(repeating: "a", count: 200) + "!") == nil)
        #expect(pattern.namedGroups(matching: String(repeating: "a", count: 200)) != nil)
    }

    @Test func equalSourcesAreEqualPatterns() throws {
        #expect(try LinePattern("(?<t>[0-9]+)") == LinePattern("(?<t>[0-9]+)"))
        #expect(try LinePattern("(?<t>[0-9]+)") != LinePattern("(?<t>[0-9]*)"))
    }
}
