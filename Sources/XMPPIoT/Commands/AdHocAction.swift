/// What the requester of a XEP-0050 command asks for.
public enum AdHocAction: String, Sendable, Hashable, CaseIterable {
    case execute, next, prev, complete, cancel
}
