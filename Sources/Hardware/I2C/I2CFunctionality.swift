/// What an I2C adapter can do, as the kernel reports it (`I2C_FUNCS`, the bits of
/// `<linux/i2c.h>`). `i2c-stub`, for one, speaks SMBus only: no plain I2C, no PEC.
public struct I2CFunctionality: OptionSet, Sendable, Hashable {
    public let rawValue: UInt

    public init(rawValue: UInt) {
        self.rawValue = rawValue
    }

    /// Plain I2C messages, hence `I2C_RDWR` combined transfers.
    public static let plainI2C = I2CFunctionality(rawValue: 0x0000_0001)
    public static let packetErrorChecking = I2CFunctionality(rawValue: 0x0000_0008)
    public static let quick = I2CFunctionality(rawValue: 0x0001_0000)
    public static let receiveByte = I2CFunctionality(rawValue: 0x0002_0000)
    public static let sendByte = I2CFunctionality(rawValue: 0x0004_0000)
    public static let readByteData = I2CFunctionality(rawValue: 0x0008_0000)
    public static let writeByteData = I2CFunctionality(rawValue: 0x0010_0000)
    public static let readWordData = I2CFunctionality(rawValue: 0x0020_0000)
    public static let writeWordData = I2CFunctionality(rawValue: 0x0040_0000)
    /// SMBus block transfers, whose count travels on the wire.
    public static let readSMBusBlock = I2CFunctionality(rawValue: 0x0100_0000)
    public static let writeSMBusBlock = I2CFunctionality(rawValue: 0x0200_0000)
    public static let readI2CBlock = I2CFunctionality(rawValue: 0x0400_0000)
    public static let writeI2CBlock = I2CFunctionality(rawValue: 0x0800_0000)
}
