/// One choice of a list field: `<option label><value/></option>`.
public struct DataFormOption: Sendable, Hashable {
    public var label: String?
    public var value: String

    public init(label: String? = nil, value: String) {
        self.label = label
        self.value = value
    }
}
