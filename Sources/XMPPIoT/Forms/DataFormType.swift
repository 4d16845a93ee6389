/// What a XEP-0004 form is for.
public enum DataFormType: String, Sendable, Hashable {
    case form, submit, cancel, result
}
