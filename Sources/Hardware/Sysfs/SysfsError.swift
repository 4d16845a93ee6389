/// Why a 1-Wire or IIO device could not be listed or read, naming the device.
public enum SysfsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The device's directory is gone: a 1-Wire sensor unplugged (the bus master forgets
    /// it at its next search), an IIO driver unbound. Not an error to retry at once.
    case deviceGone(String)
    /// The attribute exists no more or never did on this device.
    case attributeMissing(device: String, attribute: String)
    /// Reading failed, as a DHT11 that did not answer (EIO) or a 1-Wire CRC failure.
    case readFailed(device: String, attribute: String, SystemErrorCode)
    /// Writing failed, as a sysfs mounted read-only for the service or a file only root may write.
    case writeFailed(device: String, attribute: String, SystemErrorCode)

    public var description: String {
        switch self {
        case .deviceGone(let device): "\(device) is gone"
        case .attributeMissing(let device, let attribute): "\(device) has no attribute \(attribute)"
        case .readFailed(let device, let attribute, let code): "reading \(attribute) of \(device) failed: \(code)"
        case .writeFailed(let device, let attribute, let code): "writing \(attribute) of \(device) failed: \(code)"
        }
    }
}
