import Drivers

/// What a device knows at one moment: every field of its model, the values of its
/// parameters, and its health.
public struct DeviceSnapshot: Sendable, Hashable {
    public var fields: [FieldState]
    public var parameters: [String: FieldValue]
    public var health: DeviceHealth

    public init(fields: [FieldState], parameters: [String: FieldValue], health: DeviceHealth) {
        self.fields = fields
        self.parameters = parameters
        self.health = health
    }

    public func field(named name: String) -> FieldState? {
        fields.first { $0.field.name == name }
    }
}
