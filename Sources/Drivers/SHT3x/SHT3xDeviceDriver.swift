import Hardware

/// An SHT3x on I2C: each sample sends a single-shot command without clock stretching (which
/// the Raspberry Pi's I2C controller handles badly) and reads the six bytes back. The chip
/// does not acknowledge a read while it measures; the driver then waits the command's
/// maximum duration and reads once more.
actor SHT3xDeviceDriver: ParameterlessDeviceDriver {
    nonisolated let model: DeviceModel
    nonisolated let events: AsyncStream<DriverEvent>

    private let device: I2CDevice
    private let repeatability: SHT3xCommand.Repeatability
    private let clock: any Clock<Duration>
    private let eventChannel = DriverEventChannel()

    init(model: DeviceModel, device: I2CDevice, repeatability: SHT3xCommand.Repeatability, clock: any Clock<Duration>) {
        self.model = model
        self.device = device
        self.repeatability = repeatability
        self.clock = clock
        events = eventChannel.stream
    }

    func sample() async throws(DeviceDriverError) -> [FieldReading] {
        let command = SHT3xCommand.singleShot(repeatability).bytes
        try await device.run { device throws(I2CError) in _ = try await device.transfer([.write(command)]) }
        let bytes: [UInt8]
        do {
            bytes = try await device.transfer([.read(count: SHT3xReading.length)])
        } catch .noAnswer {
            let wait = repeatability.maximumDuration
            do {
                try await clock.sleep(for: wait)
            } catch {
                throw .timeout(wait)
            }
            bytes = try await device.run { device throws(I2CError) in
                try await device.transfer([.read(count: SHT3xReading.length)])
            }
        } catch {
            throw DeviceDriverError(error)
        }
        do {
            return try SHT3xReading(bytes: bytes).measurements.fieldReadings(of: model)
        } catch {
            throw .refused(error)
        }
    }

    func stop() async {
        eventChannel.finish()
    }
}
