import Drivers
import Hardware

extension SimulatedBusProvider {
    /// Puts a simulator for a device of `model` where `attachment` says it sits, so that
    /// `DeviceDriverFactory.make` with the same model and attachment finds it. Streaming
    /// serial devices start sending on their own every `period` on `clock`.
    ///
    /// A line protocol sensor prints `lineProtocolLine` (what the model's pattern expects is
    /// the configuration's business); a relay's line starts at its safe level; an input line
    /// starts inactive.
    public func install(
        model: DeviceModel,
        at attachment: DeviceAttachment,
        lineProtocolLine: String = "",
        period: Duration = .seconds(1),
        clock: some Clock<Duration> = ContinuousClock()
    ) throws -> SimulatedDevice {
        switch model.driver {
        case .bme280, .sht3x, .ads1115:
            let bus = simulatedI2CBus(attachment.i2cBusName)
            let address = try attachment.i2cAddress(model: model)
            let device: SimulatedDevice
            switch model.driver {
            case .bme280:
                let simulator = SimulatedBME280(variant: BME280Variant(model: model))
                bus.attach(simulator, at: address)
                device = .bme280(simulator)
            case .sht3x:
                let simulator = SimulatedSHT3x()
                bus.attach(simulator, at: address)
                device = .sht3x(simulator)
            default:
                let simulator = SimulatedADS1115()
                bus.attach(simulator, at: address)
                device = .ads1115(simulator)
            }
            return device
        case .mhz19:
            let simulator = try SimulatedMHZ19()
            attach(simulator, at: try attachment.serialPath())
            return .mhz19(simulator)
        case .pms:
            let simulator = try SimulatedPMS()
            attach(simulator, at: try attachment.serialPath())
            simulator.startStreaming(every: period, clock: clock)
            return .pms(simulator)
        case .lineProtocol:
            let simulator = try SimulatedLineSensor(line: lineProtocolLine)
            attach(simulator, at: try attachment.serialPath())
            simulator.startStreaming(every: period, clock: clock)
            return .lineSensor(simulator)
        case .nmea:
            let simulator = try SimulatedNMEAReceiver()
            attach(simulator, at: try attachment.serialPath())
            simulator.startStreaming(every: period, clock: clock)
            return .nmea(simulator)
        case .modbusRTU:
            let simulator = try SimulatedModbusUnit(model: model, unit: try attachment.modbusUnit(model: model))
            attach(simulator, at: try attachment.serialPath())
            return .modbus(simulator)
        case .ds18b20:
            guard let id = attachment.port else { throw DeviceAttachmentError.missing("port", bus: "w1") }
            return .ds18b20(try SimulatedDS18B20(id: id, sysfs: sysfs))
        case .iio:
            let settings = model.driverSettings
            let kernelDriver = settings.string("kernel_driver").flatMap(IIOKernelDriver.init(rawValue:))
            let name = settings.string("device_name") ?? kernelDriver?.rawValue ?? "iio"
            let id = attachment.port ?? "iio:device0"
            if let kernelDriver {
                let values = ["temperature": 21.4, "humidity": 45, "pressure": 101_325]
                return .iio(try SimulatedIIODevice(id: id, kernelDriver: kernelDriver, name: name, values: values, sysfs: sysfs))
            }
            return .iio(try SimulatedIIODevice(id: id, name: name, sysfs: sysfs))
        case .thermostat:
            throw DeviceDriverError.unsupported("a thermostat is composed by the gateway from other devices; it has no bus")
        case .gpioOutput, .gpioInput:
            let activeLow = model.driverSettings.bool("active_low") ?? false
            let safeOn = model.driverSettings.string("safe_state") == "on"
            // Inactive (or at the safe state) before the gateway requests it.
            let level = model.driver == .gpioOutput ? safeOn != activeLow : activeLow
            return .gpio(gpioLine(try attachment.gpioSelector(), level: level))
        }
    }
}
