import Drivers
import Simulators
import XMPPIoT

/// `read <device>`: one reading of one configured device, straight from its driver.
public enum DeviceReading {
    /// `field = value unit` lines, in the model's order. `notice` is told what a person should
    /// know of though nothing failed, such as a serial port found without udevd.
    public static func once(
        _ device: DeviceConfiguration, publishing: PublishPolicy, stateDirectory: String,
        notice: @escaping @Sendable (String) -> Void
    ) async throws -> [String] {
        let model = device.effectiveModel(publishing: publishing)
        let installer = DeviceInstaller(stateDirectory: stateDirectory, notice: notice)
        let (attachment, buses, _) = try installer.attach(device, model: model)
        let driver = try await DeviceDriverFactory.make(model: model, attachment: attachment, buses: buses)
        defer { Task { await driver.stop() } }
        let readings = try await driver.sample()
        return model.fields.compactMap { field in
            guard let reading = readings.first(where: { $0.field == field.name }) else { return nil }
            return "\(field.name) = \(reading.value.text(precision: field.precision))" + (field.unit.map { " \($0)" } ?? "")
        }
    }
}

extension FieldValue {
    func text(precision: Int?) -> String {
        switch self {
        case let .number(number): precision.flatMap { DecimalText.text(number, decimals: $0) } ?? String(number)
        case let .integer(whole): String(whole)
        case let .boolean(flag): flag ? "on" : "off"
        case let .text(text): text
        }
    }
}
