/// One value a declarative driver decoded, under the model field (or parameter) it belongs to.
public struct FieldReading: Sendable, Hashable {
    public var field: String
    public var value: FieldValue

    public init(field: String, value: FieldValue) {
        self.field = field
        self.value = value
    }
}
