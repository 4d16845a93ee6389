import Hardware

/// A BME280 or BMP280 on I2C. At start it checks the chip id against the model's variant,
/// reads the calibration and applies the settings; each sample triggers a forced
/// measurement (or, in normal mode, reads the latest one), waits for it and compensates.
actor BME280DeviceDriver: ParameterlessDeviceDriver {
    nonisolated let model: DeviceModel
    nonisolated let events: AsyncStream<DriverEvent>

    private let device: I2CDevice
    private let variant: BME280Variant
    private let settings: BME280Settings
    private let clock: any Clock<Duration>
    private let eventChannel = DriverEventChannel()
    private var calibration: BME280Calibration?

    init(model: DeviceModel, device: I2CDevice, variant: BME280Variant, settings: BME280Settings, clock: any Clock<Duration>) {
        self.model = model
        self.device = device
        self.variant = variant
        self.settings = settings
        self.clock = clock
        events = eventChannel.stream
    }

    /// Checks the chip, reads its calibration and writes the settings.
    func start() async throws(DeviceDriverError) {
        let chipID = try await device.run { device throws(I2CError) in
            try await device.readByte(register: BME280Register.chipID.rawValue)
        }
        let found: BME280Variant
        do {
            found = try BME280Variant(chipID: chipID)
        } catch {
            throw .refused(error)
        }
        guard found == variant else {
            throw .refused(.badChipID(sensor: variant.sensor, expected: [variant.rawValue], got: chipID))
        }
        let measuresHumidity = variant.measuresHumidity
        let (block, humidity) = try await device.run { device throws(I2CError) in
            let block = try await device.readBlock(
                register: BME280Register.calibrationTemperaturePressure.rawValue,
                count: BME280Calibration.temperaturePressureBlockLength)
            let humidity = measuresHumidity
                ? try await device.readBlock(
                    register: BME280Register.calibrationHumidity.rawValue, count: BME280HumidityCalibration.blockLength)
                : nil
            return (block, humidity)
        }
        let writes: [RegisterWrite]
        do {
            calibration = try BME280Calibration(temperaturePressureBlock: block, humidityBlock: humidity)
            writes = try settings.registerWrites(for: variant)
        } catch {
            throw .refused(error)
        }
        try await device.run { device throws(I2CError) in
            for write in writes {
                try await device.writeByte(write.value, register: write.register)
            }
        }
    }

    func sample() async throws(DeviceDriverError) -> [FieldReading] {
        guard let calibration else { throw .gone("\(model.name) driver stopped") }
        if settings.mode == .forced {
            let control = settings.controlMeasurement
            try await device.run { device throws(I2CError) in
                try await device.writeByte(control, register: BME280Register.controlMeasurement.rawValue)
            }
            try await waitForMeasurement()
        }
        let length = variant.dataLength
        let burst = try await device.run { device throws(I2CError) in
            try await device.readBlock(register: BME280Register.data.rawValue, count: length)
        }
        do {
            let sample = try BME280RawSample(burst: burst, variant: variant)
            let reading = try BME280Reading(sample: sample, calibration: calibration, variant: variant)
            return reading.measurements.fieldReadings(of: model)
        } catch {
            throw .refused(error)
        }
    }

    func stop() async {
        calibration = nil
        eventChannel.finish()
    }

    /// Polls the status register's "measuring" bit, waiting the datasheet's maximum
    /// measurement time between polls, a few times at most.
    private func waitForMeasurement() async throws(DeviceDriverError) {
        let wait = settings.maximumMeasurementTime(for: variant)
        for poll in 1...Self.statusPolls {
            let status = try await device.run { device throws(I2CError) in
                try await device.readByte(register: BME280Register.status.rawValue)
            }
            if status & Self.measuringBit == 0 { return }
            if poll == Self.statusPolls { break }
            do {
                try await clock.sleep(for: wait)
            } catch {
                throw .timeout(wait)
            }
        }
        throw .timeout(wait * (Self.statusPolls - 1))
    }

    /// Polls of the status register: one at once, then after each maximum measurement time.
    private static let statusPolls = 3
    private static let measuringBit: UInt8 = 0x08
}
