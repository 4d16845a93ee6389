/// The kernel drivers whose IIO devices the gateway knows: which channels they expose and what
/// range their values can have.
///
/// - `dht11` serves both DHT11 and DHT22/AM2302 (`dtoverlay=dht11,gpiopin=N`); it reports
///   processed `in_temp_input` and `in_humidityrelative_input`. Its device `name` is the platform
///   device name, `dht11` or `dht11@<unit>` depending on the overlay.
/// - `bmp280` serves the BMP085/180/280/380/580 and BME280; its `name` is the chip. Only the
///   BME280 has `in_humidityrelative_*`.
public enum IIOKernelDriver: String, Sendable, Hashable, CaseIterable {
    case dht11
    case bmp280

    /// The driver behind a device `name` attribute; `nil` for devices the gateway reads only
    /// through an explicit channel list.
    public init?(deviceName: String) {
        let name = deviceName.trimmed
        if name == "dht11" || name.hasPrefix("dht11@") {
            self = .dht11
        } else if ["bmp085", "bmp180", "bmp280", "bme280", "bmp380", "bmp580"].contains(name) {
            self = .bmp280
        } else {
            return nil
        }
    }

    /// The channels a device of this driver named `deviceName` offers, each with the range
    /// outside which a value is refused: DHT22 −40…80 °C; BMx280 −40…85 °C and 300…1100 hPa;
    /// humidity 0…100 %.
    public func channels(deviceName: String) -> [(channel: IIOChannel, limit: ClosedRange<Double>)] {
        let humidity = (IIOChannel(type: .humidityrelative), 0.0...100.0)
        switch self {
        case .dht11:
            return [(IIOChannel(type: .temp), -40...80), humidity]
        case .bmp280:
            let temperatureAndPressure = [
                (IIOChannel(type: .temp), -40.0...85.0), (IIOChannel(type: .pressure), 30_000...110_000),
            ]
            return deviceName.trimmed == "bme280" ? temperatureAndPressure + [humidity] : temperatureAndPressure
        }
    }

    /// Every value the device offers, each checked against its range.
    public func measurements(from snapshot: IIODeviceSnapshot) throws(DriverError) -> [MeasuredValue] {
        var values: [MeasuredValue] = []
        for (channel, limit) in channels(deviceName: snapshot.name ?? "") {
            values.append(try snapshot.measurement(of: channel, limit: limit))
        }
        return values
    }
}
