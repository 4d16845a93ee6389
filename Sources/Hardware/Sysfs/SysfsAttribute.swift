import Glibc

/// Reads one attribute file of a device directory and tells "the device is gone" from "the
/// attribute is missing" from "the read failed".
enum SysfsAttribute {
    static func read(_ attribute: String, of directory: String, device: String) throws(SysfsError) -> String {
        do {
            return try FileAccess.text(of: "\(directory)/\(attribute)")
        } catch {
            switch error.rawValue {
            case ENOENT:
                throw FileAccess.isDirectory(directory)
                    ? .attributeMissing(device: device, attribute: attribute) : .deviceGone(device)
            case ENODEV, ENXIO:
                // A device removed while its file was open reads ENODEV.
                throw .deviceGone(device)
            default:
                throw .readFailed(device: device, attribute: attribute, error)
            }
        }
    }
}
