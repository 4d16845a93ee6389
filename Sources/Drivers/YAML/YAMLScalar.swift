/// A scalar's text, with quotes and escapes already undone.
public struct YAMLScalar: Sendable {
    public var string: String
    /// Written without quotes and not as a block (`|`, `>`). Only a plain scalar can mean
    /// "nothing" (`~`, `null`, or no text at all): `''` and `"null"` are text.
    public var isPlain: Bool
    public var mark: YAMLMark

    public init(_ string: String, isPlain: Bool, mark: YAMLMark) {
        self.string = string
        self.isPlain = isPlain
        self.mark = mark
    }
}
