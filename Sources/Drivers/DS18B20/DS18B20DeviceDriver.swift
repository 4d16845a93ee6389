import Hardware

/// A DS18B20 through the kernel's `w1_therm`: each sample reads `w1_slave` (the scratchpad
/// with the kernel's CRC verdict), or `temperature` where the kernel offers only that. The
/// read blocks for the conversion (750 ms at 12 bits) off the cooperative pool.
actor DS18B20DeviceDriver: ParameterlessDeviceDriver {
    nonisolated let model: DeviceModel
    nonisolated let events: AsyncStream<DriverEvent>

    private let device: OneWireDevice
    private let eventChannel = DriverEventChannel()
    /// The last accepted temperature: a real 85 °C near it is not the power-on value.
    private var previousTemperature: Double?

    init(model: DeviceModel, device: OneWireDevice) {
        self.model = model
        self.device = device
        events = eventChannel.stream
    }

    func sample() async throws(DeviceDriverError) -> [FieldReading] {
        let reading: DS18B20Reading
        do {
            reading = try await read()
        } catch .gone(let reason) {
            eventChannel.yield(.gone(reason: reason))
            throw .gone(reason)
        }
        previousTemperature = reading.temperature
        return reading.measurements.fieldReadings(of: model)
    }

    func stop() async {
        eventChannel.finish()
    }

    private func read() async throws(DeviceDriverError) -> DS18B20Reading {
        do {
            let text = try await device.read("w1_slave")
            return try DS18B20Reading(w1Slave: text, previousTemperature: previousTemperature)
        } catch let error as SysfsError {
            guard case .attributeMissing = error else { throw DeviceDriverError(error, sensor: .ds18b20) }
        } catch let error as DriverError {
            throw .refused(error)
        } catch {
            throw .bus("\(error)")
        }
        do {
            let text = try await device.read("temperature")
            return try DS18B20Reading(temperatureFile: text, previousTemperature: previousTemperature)
        } catch let error as SysfsError {
            throw DeviceDriverError(error, sensor: .ds18b20)
        } catch let error as DriverError {
            throw .refused(error)
        } catch {
            throw .bus("\(error)")
        }
    }
}
