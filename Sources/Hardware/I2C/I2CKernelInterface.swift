/// The `/dev/i2c-N` ioctls of <linux/i2c-dev.h> and <linux/i2c.h>, mirrored in Swift
/// because Glibc's module does not include the kernel's I2C headers.
///
/// The request numbers and structure layouts are kernel ABI and do not change. The
/// structures hold fields in C's order with no field needing more than natural alignment,
/// which Swift lays out as C does; I2CKernelInterfaceTests checks every offset against the
/// C layout on the machine the tests run on (64- and 32-bit ARM alike).
enum I2CKernelInterface {
    /// `I2C_SLAVE`: the address of the following transactions. EBUSY when a kernel driver
    /// holds it.
    static let setAddress: UInt = 0x0703
    /// `I2C_FUNCS`: the adapter's functionality mask, an `unsigned long`.
    static let functionality: UInt = 0x0705
    /// `I2C_RDWR`: a combined transfer.
    static let combinedTransfer: UInt = 0x0707
    /// `I2C_PEC`: non-zero for SMBus packet error checking.
    static let packetErrorChecking: UInt = 0x0708
    /// `I2C_SMBUS`: one SMBus transaction.
    static let smbus: UInt = 0x0720

    /// `I2C_SMBUS_READ` and `I2C_SMBUS_WRITE`.
    static let read: UInt8 = 1
    static let write: UInt8 = 0

    /// The `size` values of an SMBus transaction.
    enum SMBusSize: UInt32 {
        case byte = 1
        case byteData = 2
        case wordData = 3
        case blockData = 5
        case i2cBlockData = 8
    }

    /// `union i2c_smbus_data`: a byte, a word, or a block of a length byte plus 32 data
    /// bytes plus one for PEC.
    static let smbusDataSize = 34

    /// `I2C_M_RD`: a read message.
    static let messageRead: UInt16 = 0x0001

    /// `struct i2c_smbus_ioctl_data`.
    struct SMBusRequest {
        var readWrite: UInt8
        var command: UInt8
        var size: UInt32
        var data: UnsafeMutableRawPointer?
    }

    /// `struct i2c_msg`.
    struct Message {
        var address: UInt16
        var flags: UInt16
        var length: UInt16
        var buffer: UnsafeMutablePointer<UInt8>?
    }

    /// `struct i2c_rdwr_ioctl_data`.
    struct CombinedRequest {
        var messages: UnsafeMutablePointer<Message>?
        var count: UInt32
    }
}
