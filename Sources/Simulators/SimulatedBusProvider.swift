import Drivers
import Hardware
import Synchronization

/// Buses with simulated devices on them, served by the same attachment strings a gateway
/// configuration uses, so the real drivers run unchanged over simulated hardware (the demo,
/// tests, benchmarks).
///
/// - Serial and Modbus devices sit on pseudo-terminals; `attach(_:at:)` makes a
///   configuration's port path (say `/dev/serial/by-id/sim-co2`) lead to one. The port is
///   opened through `LinuxSerialPort`, exactly as a real one.
/// - I2C buses are `SimulatedI2CBus`es, found by number, node or adapter name alike.
/// - GPIO lines are `SimulatedGPIOLine`s, made on first use of their selector.
/// - 1-Wire and IIO devices are directories below `sysfs`.
public final class SimulatedBusProvider: BusProvider {
    private struct State {
        var serialDevices: [String: any SimulatedSerialDevice] = [:]
        var i2cBuses: [String: SimulatedI2CBus] = [:]
        var gpioLines: [GPIOLineSelector: SimulatedGPIOLine] = [:]
    }

    public let sysfs: SysfsRoot
    private let clock: any Clock<Duration>
    private let state = Mutex(State())

    /// `sysfsDirectory` is where the simulated sysfs tree goes (a temporary or state
    /// directory); `clock` times serial write timeouts and GPIO debouncing.
    public init(sysfsDirectory: String, clock: some Clock<Duration> = ContinuousClock()) {
        sysfs = SysfsRoot(path: sysfsDirectory)
        self.clock = clock
    }

    /// Makes `path` lead to `device`'s pseudo-terminal.
    public func attach(_ device: any SimulatedSerialDevice, at path: String) {
        state.withLock { $0.serialDevices[path] = device }
    }

    public func serialDevice(at path: String) -> (any SimulatedSerialDevice)? {
        state.withLock { $0.serialDevices[path] }
    }

    /// The simulated bus a configuration's bus name means, made on first use.
    public func simulatedI2CBus(_ name: String) -> SimulatedI2CBus {
        let key = I2CBusName.number(name).map { "/dev/i2c-\($0)" } ?? name
        return state.withLock { state in
            if let bus = state.i2cBuses[key] { return bus }
            let bus = SimulatedI2CBus(name: key)
            state.i2cBuses[key] = bus
            return bus
        }
    }

    /// The simulated line a selector means, made on first use at `level`.
    public func gpioLine(_ selector: GPIOLineSelector, level: Bool = false) -> SimulatedGPIOLine {
        state.withLock { state in
            if let line = state.gpioLines[selector] { return line }
            let line = SimulatedGPIOLine(selector: selector, level: level, clock: clock)
            state.gpioLines[selector] = line
            return line
        }
    }

    public func openSerialPort(_ path: String, configuration: SerialConfiguration) async throws(SerialPortError) -> any SerialPort {
        guard let device = serialDevice(at: path) else { throw .notFound(path: path) }
        return try await LinuxSerialPort.open(path: device.path, configuration: configuration, clock: clock)
    }

    public func i2cBus(_ name: String) async throws(I2CError) -> any I2CBus {
        simulatedI2CBus(name)
    }

    public func requestInput(
        _ selector: GPIOLineSelector, configuration: GPIOInputConfiguration
    ) async throws(GPIOError) -> any GPIOInput {
        try gpioLine(selector).requestInput(configuration)
    }

    public func requestOutput(
        _ selector: GPIOLineSelector, configuration: GPIOOutputConfiguration
    ) async throws(GPIOError) -> any GPIOOutput {
        try gpioLine(selector).requestOutput(configuration)
    }
}
