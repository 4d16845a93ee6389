/// A YAML list, block (`- a`) or flow (`[a, b]`).
public struct YAMLSequence: Sendable, RandomAccessCollection {
    public var items: [YAMLNode]
    public var mark: YAMLMark

    public init(_ items: [YAMLNode], mark: YAMLMark) {
        self.items = items
        self.mark = mark
    }

    public var startIndex: Int { items.startIndex }
    public var endIndex: Int { items.endIndex }
    public subscript(position: Int) -> YAMLNode { items[position] }
}
