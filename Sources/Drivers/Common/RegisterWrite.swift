/// One byte to write to one 8-bit register of an I2C chip.
///
/// Drivers return settings as an ordered list of these; the order matters on chips where a
/// write only takes effect after another one (BME280 `ctrl_hum` before `ctrl_meas`).
public struct RegisterWrite: Sendable, Hashable {
    public var register: UInt8
    public var value: UInt8

    public init(register: UInt8, value: UInt8) {
        self.register = register
        self.value = value
    }
}
