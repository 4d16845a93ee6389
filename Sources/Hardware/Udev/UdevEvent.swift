/// A device that appeared, disappeared or changed, as udev announced it.
public struct UdevEvent: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        case added, removed, changed
        /// `bind`, `unbind`, `move`, `online`, `offline`.
        case other(String)

        init(_ name: String) {
            switch name {
            case "add": self = .added
            case "remove": self = .removed
            case "change": self = .changed
            default: self = .other(name)
            }
        }
    }

    public var action: Action
    public var device: UdevDevice

    public init(action: Action, device: UdevDevice) {
        self.action = action
        self.device = device
    }
}
