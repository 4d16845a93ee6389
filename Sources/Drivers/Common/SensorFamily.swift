/// The kind of sensor or protocol a driver speaks, named in every `DriverError` so that a
/// log line says which decoder refused the input.
///
/// The device layer adds which *device* it was (its id and JID); a driver only knows the family.
public enum SensorFamily: String, Sendable, Hashable, CaseIterable {
    case bme280 = "BME280"
    case bmp280 = "BMP280"
    case sht3x = "SHT3x"
    case ds18b20 = "DS18B20"
    case iio = "IIO"
    case mhz19 = "MH-Z19"
    case pms5003 = "PMS5003/PMS7003"
    case ads1115 = "ADS1115"
    case modbus = "Modbus RTU"
    case nmea = "NMEA 0183"
    case lineProtocol = "line protocol"
}
