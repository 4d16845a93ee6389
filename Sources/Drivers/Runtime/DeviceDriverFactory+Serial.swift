import Hardware

extension DeviceDriverFactory {
    static func makeSerial(
        model: DeviceModel, attachment: DeviceAttachment, buses: any BusProvider, clock: any Clock<Duration>
    ) async throws -> any DeviceDriver {
        let path = try attachment.serialPath()
        let line = model.line ?? SerialLineSettings()
        let configuration = SerialConfiguration(
            baudRate: line.baud,
            dataBits: SerialConfiguration.DataBits(rawValue: line.dataBits) ?? .eight,
            parity: SerialConfiguration.Parity(rawValue: line.parity.rawValue) ?? .none,
            stopBits: SerialConfiguration.StopBits(rawValue: line.stopBits) ?? .one
        )
        if model.driver == .modbusRTU {
            let registerMap = try ModbusRegisterMapDriver(model: model, unit: try attachment.modbusUnit(model: model))
            let port = try await opening { () throws(SerialPortError) in try await buses.openSerialPort(path, configuration: configuration) }
            let driver = ModbusRTUDeviceDriver(
                model: model, port: port, registerMap: registerMap,
                responseTimeout: attachment.responseTimeout ?? .seconds(1), clock: clock)
            await driver.start()
            return driver
        }
        let timeout = attachment.responseTimeout
        if model.driver == .lineProtocol {
            // The pattern is compiled before the port is opened, so a bad model holds no port.
            let decoder = LineProtocolStreamDecoder(parser: try LineProtocolDriver(model: model))
            let port = try await opening { () throws(SerialPortError) in try await buses.openSerialPort(path, configuration: configuration) }
            let interval = (model.updateInterval ?? .zero) * 2
            let driver = SerialStreamDriver(
                model: model, port: port, decoder: decoder, request: nil,
                responseTimeout: timeout ?? max(interval, .seconds(5)), clock: clock, command: noCommand(model))
            await driver.start()
            return driver
        }
        let port = try await opening { () throws(SerialPortError) in try await buses.openSerialPort(path, configuration: configuration) }
        switch model.driver {
        case .mhz19:
            let detectionRange = Int(model.driverSettings.string("detection_range") ?? "5000") ?? 5000
            let baselineCorrection = model.driverSettings.bool("automatic_baseline_correction") ?? false
            let driver = SerialStreamDriver(
                model: model, port: port, decoder: MHZ19StreamDecoder(model: model, detectionRange: detectionRange),
                request: MHZ19Command.readConcentration.bytes, responseTimeout: timeout ?? .seconds(2), clock: clock,
                command: mhz19Command)
            await driver.start()
            try await start(port: port, sending: [
                MHZ19Command.detectionRange(ppm: UInt16(detectionRange)).bytes,
                MHZ19Command.automaticBaselineCorrection(enabled: baselineCorrection).bytes,
            ])
            return driver
        case .pms:
            let passive = model.driverSettings.string("mode") == "passive"
            let driver = SerialStreamDriver(
                model: model, port: port, decoder: PMSStreamDecoder(model: model),
                request: passive ? PMSCommand.readPassive.bytes : nil,
                responseTimeout: timeout ?? .seconds(passive ? 2 : 3), clock: clock, command: pmsCommand)
            await driver.start()
            try await start(port: port, sending: [(passive ? PMSCommand.passiveMode : .activeMode).bytes])
            return driver
        default:
            let driver = SerialStreamDriver(
                model: model, port: port, decoder: NMEAStreamDecoder(parser: NMEALineDriver(model: model)),
                request: nil, responseTimeout: timeout ?? .seconds(3), clock: clock, command: noCommand(model))
            await driver.start()
            return driver
        }
    }

    /// Sends the commands that set the device up; on failure the port is closed.
    private static func start(port: any SerialPort, sending commands: [[UInt8]]) async throws(DeviceDriverError) {
        do {
            for command in commands {
                try await port.write(command)
            }
        } catch {
            await port.close()
            throw DeviceDriverError(error)
        }
    }

    private static let mhz19Command: @Sendable (FieldValue, String) throws(DeviceDriverError) -> [UInt8] = { value, parameter throws(DeviceDriverError) in
        guard parameter == "automatic_baseline_correction", case let .boolean(enabled) = value else {
            throw .unsupported("MH-Z19B has no parameter \(parameter) taking \(value)")
        }
        return MHZ19Command.automaticBaselineCorrection(enabled: enabled).bytes
    }

    private static let pmsCommand: @Sendable (FieldValue, String) throws(DeviceDriverError) -> [UInt8] = { value, parameter throws(DeviceDriverError) in
        guard parameter == "sleep", case let .boolean(sleeping) = value else {
            throw .unsupported("PMS has no parameter \(parameter) taking \(value)")
        }
        return (sleeping ? PMSCommand.sleep : .wake).bytes
    }

    private static func noCommand(_ model: DeviceModel) -> @Sendable (FieldValue, String) throws(DeviceDriverError) -> [UInt8] {
        let name = model.name
        return { _, parameter throws(DeviceDriverError) in throw .unsupported("\(name) has no parameter \(parameter)") }
    }
}
