import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A helper program started with `posix_spawn` and waited for with `waitpid` on a thread
/// of its own, instead of through `Foundation.Process`. There, a child that exits quickly
/// is sometimes never reported (it stays a zombie and whoever waits hangs), a pipe's
/// readability handler sometimes never sees the end of the output, and children inherit
/// the blocked signals of the Swift concurrency thread that starts them — SIGTERM among
/// them, which a server would then never see.
///
/// Here the child gets an empty signal mask and /dev/null as stdin, stdout and stderr,
/// except the one stream a test captures through a pipe, so nothing it leaves running
/// holds a pipe of the test runner open.
public struct SpawnedProcess: Sendable {
    /// Which of the child's streams the test reads; the others go to /dev/null.
    public enum Capture: Sendable {
        case nothing, standardOutput, standardError
    }

    public let pid: pid_t
    /// The read end of the captured stream's pipe.
    private let captured: Int32?

    public init(_ path: String, _ arguments: [String], environment: [String: String] = ProcessInfo.processInfo.environment,
                capture: Capture = .nothing) throws {
        var pipeEnds: [Int32] = [-1, -1]
        let capturedDescriptor: Int32? = switch capture {
        case .nothing: nil
        case .standardOutput: 1
        case .standardError: 2
        }
        if capturedDescriptor != nil {
            guard pipe(&pipeEnds) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            // Not inherited by children other tests start meanwhile: they would keep it open.
            for end in pipeEnds { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for descriptor: Int32 in 0...2 {
            if descriptor == capturedDescriptor {
                posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], descriptor)
            } else {
                posix_spawn_file_actions_addopen(&actions, descriptor, "/dev/null", descriptor == 0 ? O_RDONLY : O_WRONLY, 0)
            }
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
        if capturedDescriptor != nil { close(pipeEnds[1]) }
        guard result == 0 else {
            if capturedDescriptor != nil { close(pipeEnds[0]) }
            throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO)
        }
        self.pid = pid
        captured = capturedDescriptor != nil ? pipeEnds[0] : nil
    }

    /// The captured stream as it arrives, read with blocking reads on a thread of its own;
    /// it ends when the child, and whatever it started, closed the stream. Call it once.
    public func output() -> AsyncStream<Data> {
        let (chunks, continuation) = AsyncStream.makeStream(of: Data.self)
        guard let captured else {
            continuation.finish()
            return chunks
        }
        Thread.detachNewThread {
            var buffer = [UInt8](repeating: 0, count: 65_536)
            while true {
                let count = read(captured, &buffer, buffer.count)
                if count > 0 {
                    continuation.yield(Data(buffer[0..<count]))
                } else if count == 0 || errno != EINTR {
                    break
                }
            }
            close(captured)
            continuation.finish()
        }
        return chunks
    }

    /// The whole captured stream, once it ended.
    public func collectOutput() async -> Data {
        var all = Data()
        for await chunk in output() { all.append(chunk) }
        return all
    }

    /// Waits for the exit and returns the wait status (0: exited with 0).
    public func waitForExit() async -> Int32 {
        await withCheckedContinuation { continuation in
            Thread.detachNewThread { continuation.resume(returning: blockUntilExit()) }
        }
    }

    /// Blocks the calling thread until the exit; returns the wait status.
    public func blockUntilExit() -> Int32 {
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        return status
    }

    /// Sends `signal` (SIGKILL: a crash or a power cut).
    public func send(_ signal: Int32) {
        _ = Glibc.kill(pid, signal)
    }

    /// SIGTERM, and the exit collected in the background so no zombie is left.
    public func terminate() {
        send(SIGTERM)
        Thread.detachNewThread { _ = blockUntilExit() }
    }
}
