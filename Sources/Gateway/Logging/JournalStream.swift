import Glibc

/// systemd sets `JOURNAL_STREAM=<device>:<inode>` for a service whose stdout or stderr is
/// connected to the journal. The variable is inherited by children whose stderr may go
/// elsewhere, so it counts only when stderr's own device and inode match it.
enum JournalStream {
    static func isStandardError(environment: (String) -> String?) -> Bool {
        var status = stat()
        guard fstat(STDERR_FILENO, &status) == 0 else { return false }
        return matches(environment("JOURNAL_STREAM"), device: UInt64(status.st_dev), inode: UInt64(status.st_ino))
    }

    static func matches(_ value: String?, device: UInt64, inode: UInt64) -> Bool {
        guard let parts = value?.split(separator: ":"), parts.count == 2,
            let expectedDevice = UInt64(parts[0]), let expectedInode = UInt64(parts[1])
        else { return false }
        return expectedDevice == device && expectedInode == inode
    }
}
