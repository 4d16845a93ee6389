/// One attribute of an ``XMLElement``, with its namespace resolved.
///
/// Attributes without a prefix are in no namespace (`namespace == nil`); `xml:lang` is in
/// ``XMLNamespace/xml``.
public struct XMLAttribute: Sendable, Hashable {
    public let name: String
    public let namespace: String?
    public let value: String

    public init(_ name: String, namespace: String? = nil, value: String) {
        self.name = name
        self.namespace = namespace
        self.value = value
    }
}
