import Foundation

/// CPU time, read calls and resident memory of another process, from /proc (Linux).
struct ProcessStats: Sendable {
    let pid: Int32

    /// utime + stime in milliseconds; the kernel counts in clock ticks (usually 10 ms).
    func cpuMilliseconds() throws -> Double {
        let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
        // The command name (field 2) may hold spaces: count fields after its closing ")".
        guard let nameEnd = stat.lastIndex(of: ")") else { throw Unreadable(pid: pid, file: "stat") }
        let fields = stat[stat.index(after: nameEnd)...].split(separator: " ")
        // fields[0] is field 3 (state); utime and stime are fields 14 and 15.
        guard fields.count > 12, let user = Double(fields[11]), let system = Double(fields[12]) else {
            throw Unreadable(pid: pid, file: "stat")
        }
        return (user + system) * 1000 / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// read(2)-family system calls made so far (`syscr`): for a server, about one per
    /// batch of data it takes off a connection.
    func readCalls() throws -> Double {
        let io = try String(contentsOfFile: "/proc/\(pid)/io", encoding: .utf8)
        guard let line = io.split(separator: "\n").first(where: { $0.hasPrefix("syscr:") }),
              let count = line.split(separator: " ").last.flatMap({ Double($0) })
        else { throw Unreadable(pid: pid, file: "io") }
        return count
    }

    /// VmRSS in megabytes (10^6 bytes): every resident page, including the pages of shared
    /// libraries other processes may share.
    func residentMegabytes() throws -> Double {
        try statusMegabytes("VmRSS:")
    }

    /// RssAnon in megabytes: the resident heap and stacks, what grows with the work.
    func anonymousResidentMegabytes() throws -> Double {
        try statusMegabytes("RssAnon:")
    }

    private func statusMegabytes(_ key: String) throws -> Double {
        let status = try String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }),
              let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { throw Unreadable(pid: pid, file: "status") }
        return kilobytes * 1024 / 1_000_000
    }

    struct Unreadable: Error, CustomStringConvertible {
        let pid: Int32
        let file: String
        var description: String { "could not read /proc/\(pid)/\(file)" }
    }
}
