import Hardware

extension DeviceDriverFactory {
    static func makeI2C(
        model: DeviceModel, attachment: DeviceAttachment, buses: any BusProvider, clock: any Clock<Duration>
    ) async throws -> any DeviceDriver {
        let address = try attachment.i2cAddress(model: model)
        let bus: any I2CBus
        do {
            bus = try await buses.i2cBus(attachment.i2cBusName)
        } catch {
            throw DeviceDriverError(error)
        }
        let device = I2CDevice(bus: bus, address: address)
        switch model.driver {
        case .bme280:
            let driver = BME280DeviceDriver(
                model: model, device: device, variant: BME280Variant(model: model), settings: BME280Settings(model: model),
                clock: clock)
            try await driver.start()
            return driver
        case .sht3x:
            return SHT3xDeviceDriver(
                model: model, device: device, repeatability: SHT3xCommand.Repeatability(model: model), clock: clock)
        default:
            return ADS1115DeviceDriver(
                model: model, device: device, channels: ADS1115DeviceDriver.Channel.channels(of: model), clock: clock)
        }
    }
}
