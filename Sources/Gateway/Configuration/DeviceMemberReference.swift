/// A field or parameter of a configured device, written `<device>.<name>`
/// (`living-climate.temperature`, `living-relay.state`). Device ids contain no `.`, so the
/// first one separates the two.
public struct DeviceMemberReference: Sendable, Hashable, CustomStringConvertible {
    public var device: String
    public var name: String

    public init(device: String, name: String) {
        self.device = device
        self.name = name
    }

    public init?(_ text: String) {
        guard let dot = text.firstIndex(of: "."), dot != text.startIndex, text.index(after: dot) != text.endIndex else {
            return nil
        }
        device = String(text[..<dot])
        name = String(text[text.index(after: dot)...])
    }

    public var description: String { "\(device).\(name)" }

    static let expectation = "<device id>.<name>, such as living-relay.state"
}
