import Testing

@testable import Drivers

/// The node tree built from libyaml's events: marks, scalar styles, anchors, and the
/// documents and keys the composer refuses.
struct YAMLComposerTests {
    func root(_ text: String) throws(YAMLSyntaxError) -> YAMLNode {
        guard let node = try YAMLComposer.root(of: text) else {
            Issue.record("no document in \(text)")
            return .scalar(YAMLScalar("", isPlain: true, mark: YAMLMark(line: 0, column: 0)))
        }
        return node
    }

    func syntaxError(_ text: String) -> YAMLSyntaxError? {
        do {
            _ = try YAMLComposer.root(of: text)
        } catch {
            return error
        }
        Issue.record("no syntax error in \(text)")
        return nil
    }

    @Test func everyNodeKeepsItsLineAndColumn() throws {
        let mapping = try #require(try root("name: probe\nlist:\n  - a\n  - {id: x, model: y}\n").mapping)
        #expect(mapping.mark == YAMLMark(line: 1, column: 1))
        #expect(mapping.map(\.key.scalar?.string) == ["name", "list"])
        #expect(mapping[1].key.mark == YAMLMark(line: 2, column: 1))
        let list = try #require(mapping[1].value.sequence)
        #expect(list.mark == YAMLMark(line: 3, column: 3))
        let flow = try #require(list[1].mapping)
        #expect(flow.mark == YAMLMark(line: 4, column: 5))
        #expect(flow.map(\.value.scalar?.string) == ["x", "y"])
        #expect(flow[1].value.mark == YAMLMark(line: 4, column: 20))
    }

    @Test func columnsCountCharactersNotBytes() throws {
        let mapping = try #require(try root("é: x\n").mapping)
        #expect(mapping[0].value.mark == YAMLMark(line: 1, column: 4))
    }

    @Test func onlyUnquotedFlowScalarsArePlain() throws {
        let mapping = try #require(try root("a: ~\nb: 'null'\nc:\nd: \"x\"\ne: |\n  text\n").mapping)
        let scalars = mapping.compactMap(\.value.scalar)
        #expect(scalars.map(\.string) == ["~", "null", "", "x", "text\n"])
        #expect(scalars.map(\.isPlain) == [true, false, true, false, false])
    }

    @Test func aliasesStandForTheAnchoredNode() throws {
        let mapping = try #require(try root("base: &b {x: 1}\ncopy: *b\n").mapping)
        let copy = try #require(mapping[1].value.mapping)
        #expect(copy.map(\.key.scalar?.string) == ["x"])
        // libyaml starts an anchored node at its anchor.
        #expect(copy.mark == YAMLMark(line: 1, column: 7))
    }

    @Test func anUndefinedAliasIsAnError() {
        let error = syntaxError("a: *nope\n")
        #expect(error?.reason == "found undefined alias")
        #expect(error?.mark == YAMLMark(line: 1, column: 4))
    }

    @Test func nestingDeeperThanTheLimitIsAnErrorNotACrash() throws {
        let limit = YAMLComposer.maximumDepth
        let deepest = try root(String(repeating: "[", count: limit) + String(repeating: "]", count: limit))
        #expect(deepest.sequence != nil)
        for depth in [limit + 1, 200_000] {
            let error = syntaxError("a: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth))
            #expect(error?.reason == "lists and mappings nested more than \(limit) deep")
            // The mapping is the first level, so the bracket that goes too deep is the limit-th.
            #expect(error?.mark == YAMLMark(line: 1, column: 3 + limit))
        }
    }

    @Test func keysWrittenTwiceAreNamedAtTheFirstOneWritten() {
        let error = syntaxError("b: 1\na: 2\nb: 3\na: 4\nc: 5\n")
        #expect(error?.reason == "key written twice: a, b")
        #expect(error?.mark == YAMLMark(line: 2, column: 1))
    }

    @Test func libyamlsErrorsKeepTheirContextAndPosition() {
        let tab = syntaxError("account:\n\tjid: x\n")
        #expect(tab?.mark == YAMLMark(line: 2, column: 1))
        #expect(tab?.reason == "while scanning for the next token: found character that cannot start any token")
        let quote = syntaxError("name: 'abc\n")
        #expect(quote?.reason == "while scanning a quoted scalar: found unexpected end of stream")
        #expect(quote?.mark == YAMLMark(line: 2, column: 1))
    }

    @Test func unreadableTextHasNoPosition() {
        let error = syntaxError("a: \u{1}\n")
        #expect(error?.mark == nil)
        #expect(error?.reason == "control characters are not allowed")
    }

    @Test func aTextWithoutADocumentHasNoRoot() throws {
        #expect(try YAMLComposer.root(of: "") == nil)
        #expect(try YAMLComposer.root(of: "# only a comment\n\n") == nil)
        #expect(try root("---\n").scalar?.string == "")
    }

    @Test func aSecondDocumentIsAnError() {
        let error = syntaxError("a: 1\n---\nb: 2\n")
        #expect(error?.reason == "expected a single document in the stream: but found another document")
        #expect(error?.mark == YAMLMark(line: 2, column: 1))
    }

    @Test func scalarsMayHoldNUL() throws {
        let mapping = try #require(try root("a: \"x\\0y\"\n").mapping)
        #expect(mapping[0].value.scalar?.string == "x\u{0}y")
    }
}
