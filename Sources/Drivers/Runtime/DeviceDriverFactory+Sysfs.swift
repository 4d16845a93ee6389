import Hardware

extension DeviceDriverFactory {
    static func makeSysfs(model: DeviceModel, attachment: DeviceAttachment, buses: any BusProvider) async throws -> any DeviceDriver {
        let sysfs = buses.sysfs
        if model.driver == .ds18b20 {
            guard let port = attachment.port, !port.isEmpty else { throw DeviceAttachmentError.missing("port", bus: "w1") }
            return DS18B20DeviceDriver(model: model, device: oneWireDevice(port, sysfs: sysfs))
        }
        let kernelDriver = model.driverSettings.string("kernel_driver").flatMap(IIOKernelDriver.init(rawValue:))
        let device: IIODevice
        if let port = attachment.port, !port.isEmpty {
            device = iioDevice(port, sysfs: sysfs)
        } else {
            device = try await iioDevice(named: model.driverSettings.string("device_name"), kernelDriver: kernelDriver, sysfs: sysfs)
        }
        return IIODeviceDriver(
            model: model, device: device, kernelDriver: kernelDriver,
            channels: kernelDriver == nil ? IIODeviceDriver.Channel.channels(of: model) : [])
    }

    /// A 1-Wire device by id (`28-…`) or by its directory.
    private static func oneWireDevice(_ port: String, sysfs: SysfsRoot) -> OneWireDevice {
        guard port.hasPrefix("/") else { return OneWireDevice(id: port, sysfs: sysfs) }
        var device = OneWireDevice(id: String(port.split(separator: "/").last ?? ""), sysfs: sysfs)
        device.path = port
        return device
    }

    /// An IIO device by id (`iio:device0`) or by its directory.
    private static func iioDevice(_ port: String, sysfs: SysfsRoot) -> IIODevice {
        guard port.hasPrefix("/") else { return IIODevice(id: port, sysfs: sysfs) }
        var device = IIODevice(id: String(port.split(separator: "/").last ?? ""), sysfs: sysfs)
        device.path = port
        return device
    }

    /// The first IIO device whose `name` is `name`, or whose name the kernel driver serves.
    private static func iioDevice(named name: String?, kernelDriver: IIOKernelDriver?, sysfs: SysfsRoot) async throws -> IIODevice {
        for device in IIODevice.all(sysfs: sysfs) {
            guard let found = try? await device.name() else { continue }
            if let name {
                if found == name { return device }
            } else if let kernelDriver, IIOKernelDriver(deviceName: found) == kernelDriver {
                return device
            }
        }
        throw DeviceAttachmentError.notFound("IIO device named \(name ?? kernelDriver?.rawValue ?? "(no name)") in \(sysfs)")
    }
}
