/// What a bare JID is to the gateway, strongest first.
public enum AccessRole: Int, Sendable, Hashable, Comparable, CustomStringConvertible {
    case reader
    case controller
    case owner

    public static func < (lhs: AccessRole, rhs: AccessRole) -> Bool {
        lhs.rawValue < rhs.rawValue
    }

    public var mayControl: Bool {
        self >= .controller
    }

    public var description: String {
        switch self {
        case .reader: "reader"
        case .controller: "controller"
        case .owner: "owner"
        }
    }
}
