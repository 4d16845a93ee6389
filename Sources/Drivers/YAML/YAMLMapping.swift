/// A YAML mapping, block or flow (`{id: x, model: y}`), with its pairs in the order written.
///
/// The pairs stay a list rather than a dictionary: keys need not be scalars, and the
/// decoder reports problems in the order a person reads the file.
public struct YAMLMapping: Sendable, RandomAccessCollection {
    public var pairs: [(key: YAMLNode, value: YAMLNode)]
    public var mark: YAMLMark

    public init(_ pairs: [(key: YAMLNode, value: YAMLNode)], mark: YAMLMark) {
        self.pairs = pairs
        self.mark = mark
    }

    public var startIndex: Int { pairs.startIndex }
    public var endIndex: Int { pairs.endIndex }
    public subscript(position: Int) -> (key: YAMLNode, value: YAMLNode) { pairs[position] }
}
