/// Where a XEP-0050 command session stands.
public enum AdHocStatus: String, Sendable, Hashable {
    case executing, completed, canceled
}
