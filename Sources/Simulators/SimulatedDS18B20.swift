import Drivers
import Hardware

/// A DS18B20 as the kernel's `w1_therm` shows it: `<sysfs>/bus/w1/devices/28-…/w1_slave`
/// (the scratchpad, the kernel's CRC verdict and `t=` in millidegrees) and `temperature`,
/// rewritten whenever the temperature or the fault changes, and `resolution`, which a
/// driver may write (as on Linux 5.10 and later; `resolutionAttribute: false` plays an
/// older kernel).
public final class SimulatedDS18B20: Sendable {
    private struct State {
        var temperature = 21.5
        var fault = OneWireFault.none
        var present = true
        /// What it converts at after power-on (kept in its EEPROM); always, where the kernel
        /// offers no `resolution` attribute to change it.
        var powerOnResolution: DS18B20Resolution
    }

    /// The kernel's name for it, such as `28-0000075c6f2b`.
    public let id: String
    /// Its directory, where its attributes are.
    public var path: String { directory.path }
    private let directory: SysfsDirectory
    private let state: SimulatorState<State>
    private let resolutionAttribute: Bool

    public init(
        id: String = "28-0000075c6f2b", resolution: DS18B20Resolution = .factoryDefault,
        resolutionAttribute: Bool = true, sysfs: SysfsRoot
    ) throws {
        self.id = id
        self.resolutionAttribute = resolutionAttribute
        state = SimulatorState(State(powerOnResolution: resolution))
        directory = SysfsDirectory(path: sysfs.appending("bus/w1/devices/\(id)"))
        try directory.create()
        if resolutionAttribute {
            try directory.write("\(resolution.bits)\n", to: "resolution")
        }
        try publish()
    }

    /// The resolution it converts at: what was last written to `resolution`, if the kernel
    /// has that attribute. The scratchpad shows it from the next change on.
    public var resolution: DS18B20Resolution {
        guard resolutionAttribute, let text = try? FileAccess.text(of: "\(directory.path)/resolution"),
            let written = DS18B20Resolution(attribute: text)
        else { return state.withLock { $0.powerOnResolution } }
        return written
    }

    /// °C, to the sensor's resolution of 1/16 °C.
    public var temperature: Double { state.withLock { $0.temperature } }

    public func setTemperature(_ celsius: Double) throws {
        state.withLock { $0.temperature = celsius }
        try publish()
    }

    public var fault: OneWireFault { state.withLock { $0.fault } }

    public func setFault(_ fault: OneWireFault) throws {
        state.withLock { $0.fault = fault }
        try publish()
    }

    /// Plays the sensor being unplugged: its directory goes, as the bus master forgets it.
    public func unplug() throws {
        state.withLock { $0.present = false }
        try directory.removeAll()
    }

    /// Plays it being plugged in again: back at its power-on resolution (a written one lives
    /// in the sensor's RAM only).
    public func plugIn() throws {
        let powerOn = state.withLock { state in
            state.present = true
            return state.powerOnResolution
        }
        try directory.create()
        if resolutionAttribute {
            try directory.write("\(powerOn.bits)\n", to: "resolution")
        }
        try publish()
    }

    /// The nine scratchpad bytes for `celsius`: temperature (little-endian sixteenths), TH,
    /// TL, configuration, three reserved bytes, CRC.
    public static func scratchpad(celsius: Double, resolution: DS18B20Resolution = .factoryDefault) -> [UInt8] {
        let raw = UInt16(bitPattern: Int16(clamping: Int((celsius * 16).rounded())))
        let bytes: [UInt8] = [
            UInt8(truncatingIfNeeded: raw), UInt8(raw >> 8), 0x4B, 0x46, resolution.configurationRegister, 0xFF, 0x0C, 0x10,
        ]
        return bytes + [CRC8.maxim.checksum(bytes)]
    }

    private func publish() throws {
        let (temperature, fault, present) = state.withLock { ($0.temperature, $0.fault, $0.present) }
        guard present else { return }
        let resolution = self.resolution
        var scratchpad: [UInt8]
        switch fault {
        case .none, .badCRC: scratchpad = Self.scratchpad(celsius: temperature, resolution: resolution)
        case .powerOnValue: scratchpad = Self.scratchpad(celsius: 85, resolution: resolution)
        case .allZero: scratchpad = Array(repeating: 0, count: 9)
        }
        let computed = CRC8.maxim.checksum(scratchpad.prefix(8))
        if fault == .badCRC { scratchpad[8] = computed ^ 0x5A }
        let hex = scratchpad.map { ($0 < 0x10 ? "0" : "") + String($0, radix: 16) }.joined(separator: " ")
        let crc = (computed < 0x10 ? "0" : "") + String(computed, radix: 16)
        let raw = Int16(bitPattern: UInt16(scratchpad[0]) | UInt16(scratchpad[1]) << 8)
        let millidegrees = Int(raw) * 1000 / 16
        try directory.write(
            "\(hex) : crc=\(crc) \(fault == .badCRC ? "NO" : "YES")\n\(hex) t=\(millidegrees)\n", to: "w1_slave")
        try directory.write("\(millidegrees)\n", to: "temperature")
    }
}
