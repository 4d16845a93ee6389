/// What a request asks to do with a device, as the access policy judges it.
public enum AccessAction: String, Sendable, Hashable {
    /// A readout, a `get`/`status` chat command, the Status ad-hoc command.
    case read
    /// A control set, a `set` chat command, a Set parameters submission.
    case control
    /// A presence subscription request to the account.
    case subscribe
}
