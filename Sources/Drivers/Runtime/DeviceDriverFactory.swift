import Hardware

/// Binds a model's driver to the bus an attachment names, through a `BusProvider`, and
/// starts it: the one place that knows which `DeviceDriver` serves which `DriverKind`.
///
/// `make` throws `DeviceAttachmentError` when the attachment lacks what the bus needs,
/// `CatalogErrors` when the model cannot drive (a line pattern that does not compile), and
/// `DeviceDriverError` when the bus or the device fails at start (port missing, NACK, wrong
/// chip id).
///
/// Default response timeouts (an attachment's `responseTimeout` overrides them): 2 s for
/// an MH-Z19B answer and a PMS passive read, 3 s for the next PMS active frame or NMEA
/// sentence, twice the model's update interval (at least 5 s) for the next line of a line
/// protocol sensor, 1 s for a Modbus answer.
public enum DeviceDriverFactory {
    public static func make<C: Clock<Duration>>(
        model: DeviceModel,
        attachment: DeviceAttachment,
        buses: any BusProvider,
        clock: C = ContinuousClock()
    ) async throws -> any DeviceDriver {
        switch model.driver {
        case .bme280, .sht3x, .ads1115:
            return try await makeI2C(model: model, attachment: attachment, buses: buses, clock: clock)
        case .mhz19, .pms, .lineProtocol, .nmea, .modbusRTU:
            return try await makeSerial(model: model, attachment: attachment, buses: buses, clock: clock)
        case .ds18b20, .iio:
            return try await makeSysfs(model: model, attachment: attachment, buses: buses)
        case .gpioOutput, .gpioInput:
            return try await makeGPIO(model: model, attachment: attachment, buses: buses, clock: clock)
        case .thermostat:
            throw DeviceDriverError.unsupported("a thermostat is composed by the gateway from other devices; it has no bus")
        }
    }

    /// Runs a bus call, reporting its typed failure as a driver's.
    static func opening<T>(_ body: () async throws(SerialPortError) -> T) async throws(DeviceDriverError) -> T {
        do { return try await body() } catch { throw DeviceDriverError(error) }
    }
}
