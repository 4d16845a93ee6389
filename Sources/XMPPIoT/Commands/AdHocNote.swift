import XMPPClient

/// A `<note type>` a command shows its user.
public struct AdHocNote: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case info, warn, error
    }

    public var kind: Kind
    public var text: String

    public init(_ kind: Kind = .info, _ text: String) {
        self.kind = kind
        self.text = text
    }

    var element: XMLElement {
        XMLElement("note", namespace: IoTNamespace.commands, attributes: ["type": kind.rawValue], children: [.text(text)])
    }
}
