/// A child of an ``XMLElement``: another element or a run of character data.
public enum XMLNode: Sendable, Hashable {
    case element(XMLElement)
    case text(String)
}
