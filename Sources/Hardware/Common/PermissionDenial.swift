import Glibc

/// Why the gateway may not open a device node, and what a person changes so that it may.
///
/// "Permission denied on /dev/gpiochip0" alone sends people to run everything as root
/// (pain point 4). The node's owner, group and mode say which group to join — or, when only
/// root may open it, that a udev rule must first give it a group.
public struct PermissionDenial: Sendable, Hashable, CustomStringConvertible {
    /// The node as the gateway tried to open it.
    public var path: String
    /// Owner and group names (numbers when the name is unknown); `nil` when `stat` failed too.
    public var owner: String?
    public var group: String?
    /// The permission bits, such as `0o660`.
    public var mode: UInt32?
    /// The group whose members may open the node: the node's group when it grants read and
    /// write, else the group a udev rule should give it.
    public var groupToJoin: String
    /// True when no group may open the node yet, so a udev rule must change it first.
    public var needsUdevRule: Bool
    /// The udev subsystem of such a rule: `gpio`, `i2c-dev` or `tty`.
    public var udevSubsystem: String

    /// Reads the node's ownership. `conventionalGroup` (`gpio`, `i2c`, `dialout`) is the group
    /// to propose when the node's own group cannot be used (it is `root`, or lacks `rw`).
    public init(path: String, conventionalGroup: String, udevSubsystem: String) {
        self.path = path
        self.udevSubsystem = udevSubsystem
        var info = stat()
        guard stat(path, &info) == 0 else {
            groupToJoin = conventionalGroup
            needsUdevRule = true
            return
        }
        let mode = UInt32(info.st_mode) & 0o7777
        let groupName = Self.groupName(info.st_gid)
        self.owner = Self.userName(info.st_uid)
        self.group = groupName
        self.mode = mode
        let groupMayReadAndWrite = mode & 0o060 == 0o060
        if groupMayReadAndWrite && info.st_gid != 0 {
            groupToJoin = groupName
            needsUdevRule = false
        } else {
            groupToJoin = conventionalGroup
            needsUdevRule = true
        }
    }

    public var description: String {
        var text = "permission denied on \(path)"
        if let owner, let group, let mode {
            text += " (\(owner):\(group), mode 0\(String(mode, radix: 8)))"
        }
        if needsUdevRule {
            text += ": no group may open it; install a udev rule such as "
                + "SUBSYSTEM==\"\(udevSubsystem)\", GROUP=\"\(groupToJoin)\", MODE=\"0660\" "
                + "and add the gateway's user to group '\(groupToJoin)'"
        } else {
            text += ": add the gateway's user to group '\(groupToJoin)'"
        }
        return text
    }

    private static func groupName(_ gid: gid_t) -> String {
        var entry = Glibc.group()
        var result: UnsafeMutablePointer<Glibc.group>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getgrgid_r(gid, &entry, &buffer, buffer.count, &result) == 0, let found = result,
            let name = found.pointee.gr_name
        else { return String(gid) }
        return String(cString: name)
    }

    private static func userName(_ uid: uid_t) -> String {
        var entry = passwd()
        var result: UnsafeMutablePointer<passwd>?
        var buffer = [CChar](repeating: 0, count: 4096)
        guard getpwuid_r(uid, &entry, &buffer, buffer.count, &result) == 0, let found = result,
            let name = found.pointee.pw_name
        else { return String(uid) }
        return String(cString: name)
    }
}
