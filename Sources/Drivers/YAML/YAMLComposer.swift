/// Builds the node tree of a YAML text from libyaml's events.
///
/// It does what libyaml's own loader would, with three differences the settings decoder
/// needs: every node keeps its mark, a text holds one document at most, and a mapping
/// that names a key twice is an error (libyaml's loader would keep both).
struct YAMLComposer {
    private let reader: YAMLEventReader
    /// Anchored nodes by name. An anchor may be defined again; later aliases then mean the
    /// newer node, as YAML says.
    private var anchors: [String: YAMLNode] = [:]
    /// Lists and mappings open around the current event.
    private var depth = 0
    /// Deeper nesting is refused: every level costs stack here and in the settings decoder,
    /// and no configuration or model needs more than a handful.
    static let maximumDepth = 64

    private init(reader: YAMLEventReader) {
        self.reader = reader
    }

    /// The root of the text's document; `nil` when it has none (empty, or only comments).
    static func root(of text: String) throws(YAMLSyntaxError) -> YAMLNode? {
        var composer = try YAMLComposer(reader: YAMLEventReader(text))
        return try composer.singleDocument()
    }

    private mutating func singleDocument() throws(YAMLSyntaxError) -> YAMLNode? {
        _ = try reader.next() // the stream's start
        guard case .documentStart = try reader.next().kind else { return nil }
        let root = try node(startingWith: reader.next())
        _ = try reader.next() // the document's end
        let next = try reader.next()
        guard case .streamEnd = next.kind else {
            throw YAMLSyntaxError(
                mark: next.mark, reason: "expected a single document in the stream: but found another document"
            )
        }
        return root
    }

    private mutating func node(startingWith event: YAMLEvent) throws(YAMLSyntaxError) -> YAMLNode {
        switch event.kind {
        case let .alias(anchor):
            guard let node = anchors[anchor] else {
                throw YAMLSyntaxError(mark: event.mark, reason: "found undefined alias")
            }
            return node
        case let .scalar(text, isPlain, anchor):
            return anchoring(.scalar(YAMLScalar(text, isPlain: isPlain, mark: event.mark)), anchor)
        case let .sequenceStart(anchor):
            try enterCollection(at: event.mark)
            defer { depth -= 1 }
            return anchoring(.sequence(try sequence(startingAt: event.mark)), anchor)
        case let .mappingStart(anchor):
            try enterCollection(at: event.mark)
            defer { depth -= 1 }
            return anchoring(.mapping(try mapping(startingAt: event.mark)), anchor)
        case .streamStart, .streamEnd, .documentStart, .documentEnd, .sequenceEnd, .mappingEnd:
            // libyaml checks the structure; it never sends these where a node belongs.
            throw YAMLSyntaxError(mark: event.mark, reason: "expected a value")
        }
    }

    private mutating func sequence(startingAt mark: YAMLMark) throws(YAMLSyntaxError) -> YAMLSequence {
        var items: [YAMLNode] = []
        var event = try reader.next()
        while !event.endsCollection {
            items.append(try node(startingWith: event))
            event = try reader.next()
        }
        return YAMLSequence(items, mark: mark)
    }

    /// A key written twice is reported once the mapping is complete, naming every repeated
    /// key, at the first place the first of them (in sorted order) was written. Only scalar
    /// keys are compared: a list or mapping as a key is refused by the settings decoder.
    private mutating func mapping(startingAt mark: YAMLMark) throws(YAMLSyntaxError) -> YAMLMapping {
        var pairs: [(key: YAMLNode, value: YAMLNode)] = []
        var firstMarks: [String: YAMLMark] = [:]
        var repeated: Set<String> = []
        var event = try reader.next()
        while !event.endsCollection {
            let key = try node(startingWith: event)
            let value = try node(startingWith: reader.next())
            if let name = key.scalar?.string {
                if firstMarks[name] == nil {
                    firstMarks[name] = key.mark
                } else {
                    repeated.insert(name)
                }
            }
            pairs.append((key, value))
            event = try reader.next()
        }
        if let first = repeated.min() {
            throw YAMLSyntaxError(mark: firstMarks[first], reason: "key written twice: " + repeated.sorted().joined(separator: ", "))
        }
        return YAMLMapping(pairs, mark: mark)
    }

    private mutating func enterCollection(at mark: YAMLMark) throws(YAMLSyntaxError) {
        guard depth < Self.maximumDepth else {
            throw YAMLSyntaxError(mark: mark, reason: "lists and mappings nested more than \(Self.maximumDepth) deep")
        }
        depth += 1
    }

    private mutating func anchoring(_ node: YAMLNode, _ anchor: String?) -> YAMLNode {
        if let anchor {
            anchors[anchor] = node
        }
        return node
    }
}
