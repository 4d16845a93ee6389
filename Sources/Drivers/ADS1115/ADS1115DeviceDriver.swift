import Hardware

/// An ADS1115 on I2C: each sample converts every configured channel in single-shot mode —
/// write the configuration (which starts the conversion), poll the "conversion done" bit,
/// read the result — and reports one voltage per channel.
actor ADS1115DeviceDriver: ParameterlessDeviceDriver {
    /// One configured conversion and the field it fills.
    struct Channel: Sendable, Hashable {
        var configuration: ADS1115Configuration
        var field: String
    }

    nonisolated let model: DeviceModel
    nonisolated let events: AsyncStream<DriverEvent>

    private let device: I2CDevice
    private let channels: [Channel]
    private let clock: any Clock<Duration>
    private let eventChannel = DriverEventChannel()

    init(model: DeviceModel, device: I2CDevice, channels: [Channel], clock: any Clock<Duration>) {
        self.model = model
        self.device = device
        self.channels = channels
        self.clock = clock
        events = eventChannel.stream
    }

    func sample() async throws(DeviceDriverError) -> [FieldReading] {
        var values: [MeasuredValue] = []
        for channel in channels {
            values.append(try await convert(channel))
        }
        return values.fieldReadings(of: model)
    }

    func stop() async {
        eventChannel.finish()
    }

    private func convert(_ channel: Channel) async throws(DeviceDriverError) -> MeasuredValue {
        let configuration = channel.configuration
        let register = Array(configuration.bytes.dropFirst())
        try await device.run { device throws(I2CError) in
            try await device.writeBlock(register, register: ADS1115Configuration.configPointer)
        }
        let wait = configuration.dataRate.conversionTime
        var done = false
        for poll in 1...Self.polls {
            let status = try await device.run { device throws(I2CError) in
                try await device.readBlock(register: ADS1115Configuration.configPointer, count: 2)
            }
            do {
                done = try ADS1115Configuration.isIdle(configRegister: status)
            } catch {
                throw .refused(error)
            }
            if done || poll == Self.polls { break }
            do {
                try await clock.sleep(for: wait)
            } catch {
                throw .timeout(wait)
            }
        }
        guard done else { throw .timeout(wait * (Self.polls - 1)) }
        let result = try await device.run { device throws(I2CError) in
            try await device.readBlock(register: ADS1115Configuration.conversionPointer, count: 2)
        }
        do {
            return try ADS1115Conversion(bytes: result, range: configuration.range).measurement(field: channel.field)
        } catch {
            throw .refused(error)
        }
    }

    /// Polls of the "conversion done" bit: one at once, then after each conversion time.
    private static let polls = 4
}
