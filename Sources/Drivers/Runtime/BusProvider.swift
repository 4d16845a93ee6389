import Hardware

/// Where drivers get their buses: the real ones (`LinuxBusProvider`) or simulated ones behind
/// the same protocols (`SimulatedBusProvider` in the Simulators module). A driver never
/// opens a device file itself, so the same driver code runs on a Pi and in the demo.
public protocol BusProvider: Sendable {
    /// Where sysfs is: 1-Wire and IIO devices are found below it.
    var sysfs: SysfsRoot { get }

    /// Opens the serial port at `path` (`/dev/ttyUSB0`, a `/dev/serial/by-id` link) with the
    /// line settings. The caller closes it.
    func openSerialPort(_ path: String, configuration: SerialConfiguration) async throws(SerialPortError) -> any SerialPort

    /// The I2C bus a configuration names: a bus number (`1`), a device node (`/dev/i2c-1`) or
    /// an adapter name. Devices on one bus share it; it stays open while the provider lives.
    func i2cBus(_ name: String) async throws(I2CError) -> any I2CBus

    /// Requests an input line; the caller releases it.
    func requestInput(
        _ selector: GPIOLineSelector, configuration: GPIOInputConfiguration
    ) async throws(GPIOError) -> any GPIOInput

    /// Requests an output line, already driven to the configuration's initial value; the
    /// caller releases it, which drives the safe value.
    func requestOutput(
        _ selector: GPIOLineSelector, configuration: GPIOOutputConfiguration
    ) async throws(GPIOError) -> any GPIOOutput
}
