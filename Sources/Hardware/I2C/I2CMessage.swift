/// One message of a combined I2C transfer: bytes written to the device, or a number of
/// bytes read from it. The messages of a transfer are joined by repeated starts, with one
/// stop at the end, as devices like the SHT3x and many EEPROMs expect.
public enum I2CMessage: Sendable, Hashable {
    case write([UInt8])
    case read(count: Int)
}
