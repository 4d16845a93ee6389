/// A simulated device on a serial line: its link, where the gateway opens it.
public protocol SimulatedSerialDevice: AnyObject, Sendable {
    var link: SimulatedSerialLink { get }
}

extension SimulatedSerialDevice {
    /// The pseudo-terminal to open, such as `/dev/pts/3`.
    public var path: String { link.path }

    /// Sends arbitrary bytes as the device: noise, or a frame a test built itself.
    public func inject(_ bytes: [UInt8]) {
        link.send(bytes)
    }

    /// Plays the device (its USB adapter) being unplugged.
    public func unplug() {
        link.unplug()
    }
}
