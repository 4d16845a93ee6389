import Hardware

/// A DS18B20 through the kernel's `w1_therm`: each sample reads `w1_slave` (the scratchpad
/// with the kernel's CRC verdict), or `temperature` where the kernel offers only that. The
/// read blocks for the conversion (750 ms at 12 bits) off the cooperative pool.
///
/// After the first good sample the sensor is brought to the model's `resolution`, once per
/// opening (a replaced sensor comes with its own setting); when that is not allowed — the
/// systemd service sees /sys read-only — a notice says how to set it by hand.
actor DS18B20DeviceDriver: ParameterlessDeviceDriver {
    nonisolated let model: DeviceModel
    nonisolated let events: AsyncStream<DriverEvent>

    private let device: OneWireDevice
    private let eventChannel = DriverEventChannel()
    private let resolution: DS18B20Resolution
    private var resolutionSettled = false
    /// The last accepted temperature: a real 85 °C near it is not the power-on value.
    private var previousTemperature: Double?

    init(model: DeviceModel, device: OneWireDevice) {
        self.model = model
        self.device = device
        resolution = model.driverSettings.int("resolution").flatMap(DS18B20Resolution.init(bits:)) ?? .factoryDefault
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
        if !resolutionSettled {
            resolutionSettled = true
            await settleResolution(after: reading)
        }
        return reading.measurements.fieldReadings(of: model)
    }

    /// Writes the model's resolution when the sensor has another (or shows none).
    private func settleResolution(after reading: DS18B20Reading) async {
        let current = await currentResolution(after: reading)
        guard current != resolution else { return }
        do {
            try await device.write("\(resolution.bits)\n", to: "resolution")
        } catch {
            let converts = current.map { "converts at \($0)" } ?? "has an unknown resolution"
            let how = switch error {
            case .attributeMissing: "this kernel cannot change it (w1_therm has a resolution attribute from Linux 5.10)"
            case .deviceGone: "it went away before it could be changed"
            case .readFailed, .writeFailed:
                "the gateway may not change it (\(error)); as root, once: "
                    + "echo \(resolution.bits) > \(device.path)/resolution && echo save > \(device.path)/eeprom_cmd"
            }
            eventChannel.yield(.notice("\(device.id) \(converts), the model asks for \(resolution); \(how)"))
        }
    }

    /// The kernel's `resolution` attribute; where it has none, the scratchpad's
    /// configuration register.
    private func currentResolution(after reading: DS18B20Reading) async -> DS18B20Resolution? {
        if let text = try? await device.read("resolution"), let current = DS18B20Resolution(attribute: text) {
            return current
        }
        return reading.scratchpad.map { DS18B20Resolution(configurationRegister: $0[4]) }
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
