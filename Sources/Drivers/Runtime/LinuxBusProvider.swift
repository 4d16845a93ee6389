import Hardware
import Synchronization

/// The buses of the Linux machine the gateway runs on: termios serial ports, `/dev/i2c-N`,
/// libgpiod lines and the kernel's sysfs.
public final class LinuxBusProvider: BusProvider {
    public let sysfs: SysfsRoot
    /// Where `/dev/i2c-N` and `/dev/gpiochipN` are.
    public let deviceDirectory: String
    private let clock: any Clock<Duration>
    private let notice: @Sendable (String) -> Void
    /// Open I2C buses by the name they were asked for: devices on one bus share its queue,
    /// which is the bus lock.
    private let i2cBuses = Mutex<[String: LinuxI2CBus]>([:])
    /// The port each by-id name was last found at without its link. A device reopened after
    /// every hiccup is reported once, and again only when its name leads to another port.
    private let portsFoundWithoutLink = Mutex<[String: String]>([:])

    /// `clock` times serial write timeouts and software debouncing. `notice` is told what a
    /// person should know of though nothing failed, such as a by-id name found without udevd.
    public init(
        sysfs: SysfsRoot = .system, deviceDirectory: String = "/dev", clock: some Clock<Duration> = ContinuousClock(),
        notice: @escaping @Sendable (String) -> Void
    ) {
        self.sysfs = sysfs
        self.deviceDirectory = deviceDirectory
        self.clock = clock
        self.notice = notice
    }

    public func openSerialPort(_ path: String, configuration: SerialConfiguration) async throws(SerialPortError) -> any SerialPort {
        let port = try await LinuxSerialPort.open(path: path, configuration: configuration, sysfs: sysfs, clock: clock)
        let isNews = port.isFoundWithoutLink
            && portsFoundWithoutLink.withLock { $0.updateValue(port.devicePath, forKey: path) != port.devicePath }
        if isNews {
            notice("serial port \(path): no such link (is udevd running?); "
                + "opened \(port.devicePath), the port udev would give that name")
        }
        return port
    }

    public func i2cBus(_ name: String) async throws(I2CError) -> any I2CBus {
        if let open = i2cBuses.withLock({ $0[name] }) {
            return open
        }
        let bus: LinuxI2CBus
        if let number = I2CBusName.number(name) {
            bus = try LinuxI2CBus.open(number: number, deviceDirectory: deviceDirectory, sysfs: sysfs)
        } else {
            bus = try LinuxI2CBus.open(adapterNamed: name, deviceDirectory: deviceDirectory, sysfs: sysfs)
        }
        // Two devices may have opened the same bus at once; keep the first.
        return i2cBuses.withLock { buses in
            if let first = buses[name] { return first }
            buses[name] = bus
            return bus
        }
    }

    public func requestInput(
        _ selector: GPIOLineSelector, configuration: GPIOInputConfiguration
    ) async throws(GPIOError) -> any GPIOInput {
        try LinuxGPIOInput.request(selector, configuration: configuration, deviceDirectory: deviceDirectory, clock: clock)
    }

    public func requestOutput(
        _ selector: GPIOLineSelector, configuration: GPIOOutputConfiguration
    ) async throws(GPIOError) -> any GPIOOutput {
        try LinuxGPIOOutput.request(selector, configuration: configuration, deviceDirectory: deviceDirectory)
    }
}
