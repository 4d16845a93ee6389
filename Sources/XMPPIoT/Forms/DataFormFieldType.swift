/// The XEP-0004 field types.
public enum DataFormFieldType: String, Sendable, Hashable {
    case boolean, fixed, hidden
    case jidMulti = "jid-multi"
    case jidSingle = "jid-single"
    case listMulti = "list-multi"
    case listSingle = "list-single"
    case textMulti = "text-multi"
    case textPrivate = "text-private"
    case textSingle = "text-single"
}
