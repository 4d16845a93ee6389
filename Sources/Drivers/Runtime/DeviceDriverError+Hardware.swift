import Hardware

extension DeviceDriverError {
    /// A serial port's end or failure: unplugged is `.gone`, the rest a bus error.
    init(_ error: SerialPortError) {
        switch error {
        case let .gone(path), let .notFound(path): self = .gone("serial port \(path)")
        case .byIDNameNotFound: self = .gone(error.description)
        default: self = .bus(error.description)
        }
    }

    /// An I2C failure: a NACK and every other transfer fault is a bus error; a bus that
    /// vanished or was closed is `.gone`.
    init(_ error: I2CError) {
        switch error {
        case .busNotFound, .closed: self = .gone(error.description)
        default: self = .bus(error.description)
        }
    }

    init(_ error: GPIOError) {
        switch error {
        case .released, .chipNotFound, .lineNotFound: self = .gone(error.description)
        default: self = .bus(error.description)
        }
    }

    /// A sysfs read or write: a vanished directory is `.gone`; a missing attribute is refused as such.
    init(_ error: SysfsError, sensor: SensorFamily) {
        switch error {
        case .deviceGone: self = .gone(error.description)
        case let .attributeMissing(_, attribute): self = .refused(.missingAttribute(sensor: sensor, attribute: attribute))
        case .readFailed, .writeFailed: self = .bus(error.description)
        }
    }

    /// Any error from a port's received stream.
    init(received error: any Error) {
        if let error = error as? SerialPortError {
            self.init(error)
        } else {
            self = .bus("\(error)")
        }
    }
}
