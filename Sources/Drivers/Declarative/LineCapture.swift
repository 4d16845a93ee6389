/// A named capture group of a line pattern and the model field it fills.
public struct LineCapture: Sendable, Hashable {
    public var captureName: String
    public var field: String
    public var type: FieldType
    /// For `enum` fields, the words a value must be one of.
    public var choices: [String]

    public init(captureName: String, field: String, type: FieldType, choices: [String] = []) {
        self.captureName = captureName
        self.field = field
        self.type = type
        self.choices = choices
    }
}
