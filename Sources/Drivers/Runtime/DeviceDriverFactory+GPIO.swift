import Hardware

extension DeviceDriverFactory {
    static func makeGPIO<C: Clock<Duration>>(
        model: DeviceModel, attachment: DeviceAttachment, buses: any BusProvider, clock: C
    ) async throws -> any DeviceDriver {
        let selector = try attachment.gpioSelector()
        if model.driver == .gpioOutput {
            let settings = GPIOOutputSettings(model: model)
            let line: any GPIOOutput
            do {
                line = try await buses.requestOutput(selector, configuration: settings.lineConfiguration)
            } catch {
                throw DeviceDriverError(error)
            }
            let driver = GPIOOutputDeviceDriver(model: model, line: line, settings: settings, clock: clock)
            await driver.start()
            return driver
        }
        let settings = GPIOInputSettings(model: model)
        let line: any GPIOInput
        do {
            line = try await buses.requestInput(selector, configuration: settings.lineConfiguration)
        } catch {
            throw DeviceDriverError(error)
        }
        let driver = GPIOInputDeviceDriver(model: model, line: line, settings: settings)
        await driver.start()
        return driver
    }
}
