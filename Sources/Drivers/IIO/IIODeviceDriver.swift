import Hardware

/// A kernel IIO device in sysfs: each sample reads the device's `name` and `in_*` attributes
/// in one go and decodes the channels of its known kernel driver, or the channels the model
/// lists.
actor IIODeviceDriver: ParameterlessDeviceDriver {
    /// A channel the model lists, and the field it fills.
    struct Channel: Sendable, Hashable {
        var channel: IIOChannel
        var field: String
    }

    nonisolated let model: DeviceModel
    nonisolated let events: AsyncStream<DriverEvent>

    private let device: IIODevice
    private let kernelDriver: IIOKernelDriver?
    private let channels: [Channel]
    private let eventChannel = DriverEventChannel()

    init(model: DeviceModel, device: IIODevice, kernelDriver: IIOKernelDriver?, channels: [Channel]) {
        self.model = model
        self.device = device
        self.kernelDriver = kernelDriver
        self.channels = channels
        events = eventChannel.stream
    }

    func sample() async throws(DeviceDriverError) -> [FieldReading] {
        let attributes: [String: String]
        do {
            attributes = try await device.attributes()
        } catch {
            let failure = DeviceDriverError(error, sensor: .iio)
            if case let .gone(reason) = failure {
                eventChannel.yield(.gone(reason: reason))
            }
            throw failure
        }
        let snapshot = IIODeviceSnapshot(attributes: attributes)
        do {
            if let kernelDriver {
                return try kernelDriver.measurements(from: snapshot).fieldReadings(of: model)
            }
            var values: [MeasuredValue] = []
            for channel in channels {
                values.append(try snapshot.measurement(of: channel.channel, field: channel.field))
            }
            return values.fieldReadings(of: model)
        } catch {
            throw .refused(error)
        }
    }

    func stop() async {
        eventChannel.finish()
    }
}
