extension Array where Element == MeasuredValue {
    /// The values as readings of `model`'s fields: values the model does not list are left
    /// out, and a field the model types `int` gets a whole number.
    func fieldReadings(of model: DeviceModel) -> [FieldReading] {
        compactMap { measured in
            guard let field = model.field(named: measured.field) else { return nil }
            let value: FieldValue = field.type == .int ? .integer(Int(measured.value.rounded())) : .number(measured.value)
            return FieldReading(field: measured.field, value: value)
        }
    }
}
