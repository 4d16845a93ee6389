/// The simulator installed for one configured device, to set its physical values and faults.
public enum SimulatedDevice: Sendable {
    case bme280(SimulatedBME280)
    case sht3x(SimulatedSHT3x)
    case ads1115(SimulatedADS1115)
    case mhz19(SimulatedMHZ19)
    case pms(SimulatedPMS)
    case lineSensor(SimulatedLineSensor)
    case nmea(SimulatedNMEAReceiver)
    case modbus(SimulatedModbusUnit)
    case ds18b20(SimulatedDS18B20)
    case iio(SimulatedIIODevice)
    /// A relay or LED the driver drives, or a button or sensor it reads.
    case gpio(SimulatedGPIOLine)
}
