/// How a BME280/BMP280 measures: oversampling per channel, mode, standby time and IIR filter,
/// turned into the register writes that configure the chip.
public struct BME280Settings: Sendable, Hashable {
    /// Oversampling of one channel (`osrs_t`, `osrs_p`, `osrs_h`).
    public enum Oversampling: UInt8, Sendable, Hashable, CaseIterable {
        case skipped = 0b000
        case x1 = 0b001
        case x2 = 0b010
        case x4 = 0b011
        case x8 = 0b100
        case x16 = 0b101

        /// Conversions averaged per measurement; 0 when skipped.
        public var factor: Int {
            self == .skipped ? 0 : 1 << (Int(rawValue) - 1)
        }
    }

    /// `mode` bits of `ctrl_meas`. Forced takes one measurement and returns to sleep; normal
    /// measures continuously with `standby` between measurements.
    public enum Mode: UInt8, Sendable, Hashable, CaseIterable {
        case sleep = 0b00
        case forced = 0b01
        case normal = 0b11
    }

    /// IIR filter coefficient (`filter` bits of `config`).
    public enum Filter: UInt8, Sendable, Hashable, CaseIterable {
        case off = 0b000
        case coefficient2 = 0b001
        case coefficient4 = 0b010
        case coefficient8 = 0b011
        case coefficient16 = 0b100
    }

    /// Inactive time between measurements in normal mode (`t_sb` bits of `config`).
    /// Codes 110 and 111 mean 10/20 ms on a BME280 but 2000/4000 ms on a BMP280.
    public enum StandbyTime: Sendable, Hashable, CaseIterable {
        case ms0_5, ms62_5, ms125, ms250, ms500, ms1000
        case ms10, ms20
        case ms2000, ms4000

        func code(for variant: BME280Variant) -> UInt8? {
            switch (self, variant) {
            case (.ms0_5, _): 0b000
            case (.ms62_5, _): 0b001
            case (.ms125, _): 0b010
            case (.ms250, _): 0b011
            case (.ms500, _): 0b100
            case (.ms1000, _): 0b101
            case (.ms10, .bme280): 0b110
            case (.ms20, .bme280): 0b111
            case (.ms2000, .bmp280): 0b110
            case (.ms4000, .bmp280): 0b111
            case (.ms10, .bmp280), (.ms20, .bmp280), (.ms2000, .bme280), (.ms4000, .bme280): nil
            }
        }
    }

    public var temperatureOversampling: Oversampling
    public var pressureOversampling: Oversampling
    /// Ignored on a BMP280, which has no humidity channel.
    public var humidityOversampling: Oversampling
    public var mode: Mode
    public var standby: StandbyTime
    public var filter: Filter

    public init(
        temperatureOversampling: Oversampling = .x1,
        pressureOversampling: Oversampling = .x1,
        humidityOversampling: Oversampling = .x1,
        mode: Mode = .forced,
        standby: StandbyTime = .ms1000,
        filter: Filter = .off
    ) {
        self.temperatureOversampling = temperatureOversampling
        self.pressureOversampling = pressureOversampling
        self.humidityOversampling = humidityOversampling
        self.mode = mode
        self.standby = standby
        self.filter = filter
    }

    /// The datasheet's "weather monitoring" recommendation (section 3.5.1): forced mode, ×1 on
    /// every channel, filter off — the gateway samples once a minute or so.
    public static let weatherMonitoring = BME280Settings()

    /// `ctrl_meas` (0xF4): osrs_t in bits 7:5, osrs_p in 4:2, mode in 1:0. Writing it with
    /// `mode == .forced` starts one measurement.
    public var controlMeasurement: UInt8 {
        temperatureOversampling.rawValue << 5 | pressureOversampling.rawValue << 2 | mode.rawValue
    }

    /// `ctrl_hum` (0xF2): osrs_h in bits 2:0.
    public var controlHumidity: UInt8 {
        humidityOversampling.rawValue
    }

    /// `config` (0xF5): t_sb in bits 7:5, filter in 4:2; bit 0 (3-wire SPI) stays off.
    public func config(for variant: BME280Variant) throws(DriverError) -> UInt8 {
        guard let standbyCode = standby.code(for: variant) else {
            throw .invalidSetting(
                sensor: variant.sensor,
                setting: "standby",
                reason: "\(standby) is not a \(variant.sensor.rawValue) standby time"
            )
        }
        return standbyCode << 5 | filter.rawValue << 2
    }

    /// The writes that apply these settings, in the order that makes them take effect.
    ///
    /// `ctrl_meas` first goes to sleep because the chip may ignore `config` in normal mode;
    /// `ctrl_hum` comes before the final `ctrl_meas` because it only takes effect on that write.
    public func registerWrites(for variant: BME280Variant) throws(DriverError) -> [RegisterWrite] {
        var sleeping = self
        sleeping.mode = .sleep
        var writes = [RegisterWrite(register: BME280Register.controlMeasurement.rawValue, value: sleeping.controlMeasurement)]
        if variant.measuresHumidity {
            writes.append(RegisterWrite(register: BME280Register.controlHumidity.rawValue, value: controlHumidity))
        }
        writes.append(RegisterWrite(register: BME280Register.config.rawValue, value: try config(for: variant)))
        writes.append(RegisterWrite(register: BME280Register.controlMeasurement.rawValue, value: controlMeasurement))
        return writes
    }

    /// The longest a forced measurement takes (datasheet section 9.1):
    /// 1.25 ms + 2.3 ms × T oversampling + (2.3 ms × P oversampling + 0.575 ms) + (2.3 ms × H
    /// oversampling + 0.575 ms), the P and H terms only when those channels are on.
    public func maximumMeasurementTime(for variant: BME280Variant) -> Duration {
        var microseconds = 1_250 + 2_300 * temperatureOversampling.factor
        if pressureOversampling != .skipped {
            microseconds += 2_300 * pressureOversampling.factor + 575
        }
        if variant.measuresHumidity, humidityOversampling != .skipped {
            microseconds += 2_300 * humidityOversampling.factor + 575
        }
        return .microseconds(microseconds)
    }
}
