/// An I2C bus as drivers use it: one transaction at a time with the device at an address.
///
/// `LinuxI2CBus` is the real one (`/dev/i2c-N`); a simulator that stands in for a bus with
/// devices on it implements the same requirement — including "no answer" for an address
/// where nothing sits. Drivers normally go through `I2CDevice`.
public protocol I2CBus: Sendable {
    /// How errors and logs name the bus, such as `/dev/i2c-1`.
    var name: String { get }

    /// Runs one transaction with the device at `address`; no other transaction of this bus
    /// runs meanwhile. Returns the bytes read in the order they crossed the bus (a word low
    /// byte first, as SMBus sends it), nothing for writes. `packetErrorChecking` asks for
    /// SMBus PEC on SMBus transactions; `LinuxI2CBus` refuses it on I2C block transfers,
    /// which cannot carry it, and leaves combined transfers' bytes as they are.
    func perform(
        _ transaction: I2CTransaction,
        at address: I2CAddress,
        packetErrorChecking: Bool
    ) async throws(I2CError) -> [UInt8]
}
