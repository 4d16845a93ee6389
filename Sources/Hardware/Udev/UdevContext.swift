import CUdev
import Glibc

/// A libudev context for one job — an enumeration, or one monitor's life. libudev objects
/// are not thread-safe, so contexts are not shared.
final class UdevContext {
    let handle: OpaquePointer

    init() throws(UdevError) {
        guard let handle = udev_new() else { throw .unavailable }
        self.handle = handle
    }

    deinit {
        udev_unref(handle)
    }

    /// Every device of a subsystem, as sysfs lists it now.
    func devices(subsystem: String) throws(UdevError) -> [UdevDevice] {
        guard let enumeration = udev_enumerate_new(handle) else { throw .unavailable }
        defer { udev_enumerate_unref(enumeration) }
        var result = udev_enumerate_add_match_subsystem(enumeration, subsystem)
        if result >= 0 {
            result = udev_enumerate_scan_devices(enumeration)
        }
        guard result >= 0 else { throw .enumerationFailed(SystemErrorCode(-result)) }
        var devices: [UdevDevice] = []
        var entry = udev_enumerate_get_list_entry(enumeration)
        while let current = entry {
            if let sysPath = udev_list_entry_get_name(current),
                let device = udev_device_new_from_syspath(handle, sysPath)
            {
                devices.append(UdevDevice(device))
                udev_device_unref(device)
            }
            entry = udev_list_entry_get_next(current)
        }
        return devices
    }
}
