import Glibc

/// Reads or writes one attribute file of a device directory and tells "the device is gone"
/// from "the attribute is missing" from "the read (or write) failed".
enum SysfsAttribute {
    static func read(_ attribute: String, of directory: String, device: String) throws(SysfsError) -> String {
        do {
            return try FileAccess.text(of: "\(directory)/\(attribute)")
        } catch {
            throw failure(error, attribute: attribute, of: directory, device: device) ?? .readFailed(device: device, attribute: attribute, error)
        }
    }

    static func write(_ text: String, to attribute: String, of directory: String, device: String) throws(SysfsError) {
        do {
            try FileAccess.overwrite("\(directory)/\(attribute)", with: text)
        } catch {
            throw failure(error, attribute: attribute, of: directory, device: device) ?? .writeFailed(device: device, attribute: attribute, error)
        }
    }

    /// The failures that mean the same for reading and writing: no attribute, no device.
    private static func failure(_ error: SystemErrorCode, attribute: String, of directory: String, device: String) -> SysfsError? {
        switch error.rawValue {
        case ENOENT:
            FileAccess.isDirectory(directory) ? .attributeMissing(device: device, attribute: attribute) : .deviceGone(device)
        case ENODEV, ENXIO:
            // A device removed while its file was open reads ENODEV.
            .deviceGone(device)
        default:
            nil
        }
    }
}
