/// A device without writable parameters (a sensor, a GPIO input): every write is refused.
protocol ParameterlessDeviceDriver: DeviceDriver {}

extension ParameterlessDeviceDriver {
    func write(_ value: FieldValue, to parameter: String) async throws(DeviceDriverError) {
        throw .unsupported("\(model.name) has no parameter \(parameter)")
    }
}
