/// Why a text is not YAML the gateway accepts, and where.
struct YAMLSyntaxError: Error {
    /// `nil` where libyaml gives no position: bytes it cannot read as text (a control
    /// character), or memory running out.
    var mark: YAMLMark?
    var reason: String

    static let outOfMemory = YAMLSyntaxError(mark: nil, reason: "out of memory")
}
