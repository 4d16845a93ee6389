import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a helper program of the repository to completion and returns its standard output;
/// its stderr passes through (progress and errors). Started with `posix_spawn` and waited
/// for with `waitpid`, not through `Foundation.Process`, which on Linux sometimes never
/// reports a child that exits quickly, leaving the caller waiting forever.
enum BenchmarkProcess {
    struct Failed: Error, CustomStringConvertible {
        let command: String
        let status: Int32
        var description: String { "\(command) failed (wait status \(status))" }
    }

    /// `executable`: absolute, or relative to the repository root (the working directory
    /// `scripts/bench` runs in).
    static func output(_ executable: String, _ arguments: [String]) throws -> String {
        var pipe: [Int32] = [0, 0]
        guard Glibc.pipe(&pipe) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipe[0])
        posix_spawn_file_actions_addclose(&actions, pipe[1])
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, environ)
        close(pipe[1])
        defer { close(pipe[0]) }
        guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EIO) }

        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let count = read(pipe[0], &chunk, chunk.count)
            if count > 0 {
                output += chunk[..<count]
            } else if count == 0 || errno != EINTR {
                break
            }
        }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        guard status == 0 else { throw Failed(command: ([executable] + arguments).joined(separator: " "), status: status) }
        return String(decoding: output, as: UTF8.self)
    }
}
