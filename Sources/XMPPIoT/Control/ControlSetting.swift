import XMPPClient

/// One parameter assignment of a set request: which parameter, which value.
public struct ControlSetting: Sendable, Hashable {
    public var name: String
    public var value: ControlValue

    public init(name: String, value: ControlValue) {
        self.name = name
        self.value = value
    }

    public var element: XMLElement { value.element(name: name) }
}
