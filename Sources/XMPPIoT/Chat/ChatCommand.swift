/// What a chat message asks for, in terms of device ids and validated settings.
public enum ChatCommand: Sendable, Hashable {
    case help
    case list
    /// One device, or every device when nil.
    case status(deviceId: String?)
    /// One field of a device, or all its fields when nil.
    case get(deviceId: String, field: String?)
    /// A setting already checked against the parameter's type, range and choices.
    case set(deviceId: String, setting: ControlSetting)
}
