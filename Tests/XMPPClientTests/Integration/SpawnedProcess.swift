import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A helper program started with `posix_spawn` and waited for with `waitpid` on a thread
/// of its own, instead of through `Foundation.Process`. There, a child that exits quickly
/// is sometimes never reported (it stays a zombie and whoever waits hangs), and children
/// inherit the blocked signals of the Swift concurrency thread that starts them — SIGTERM
/// among them, which a server would then never see. Here the child gets an empty signal
/// mask and /dev/null as stdin, stdout and stderr, so nothing it leaves running holds a
/// pipe of the test runner open.
struct SpawnedProcess: Sendable {
    let pid: pid_t

    init(_ path: String, _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in 0...2 {
            posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
        self.pid = pid
    }

    /// Waits for the exit and returns the wait status (0: exited with 0).
    func waitForExit() async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: blockUntilExit()) }
        }
    }

    /// Blocks the calling thread until the exit; returns the wait status.
    func blockUntilExit() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status
    }

    /// SIGTERM, and the exit collected in the background so no zombie is left.
    func terminate() {
        _ = Glibc.kill(pid, SIGTERM)
        Thread.detachNewThread { _ = blockUntilExit() }
    }
}
