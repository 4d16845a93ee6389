import Glibc

/// Tells systemd how the service is doing (sd_notify(3)) for a `Type=notify` unit: READY
/// once every device is set up, STATUS lines for `systemctl status`, WATCHDOG pings within
/// `WatchdogSec`, STOPPING at shutdown.
///
/// Messages are datagrams on the AF_UNIX socket named by `$NOTIFY_SOCKET` — a path, or an
/// abstract name written with a leading `@`. Outside systemd the variable is unset and every
/// call does nothing, so the same binary runs from a terminal.
public struct SystemdNotifier: Sendable {
    /// The socket address as systemd gave it; `nil` when not run by systemd with notify.
    public let socketAddress: String?
    /// How long systemd waits for a WATCHDOG=1 before it restarts the service; `nil` when
    /// the watchdog is off or meant for another process (`WATCHDOG_PID`).
    public let watchdogTimeout: Duration?

    public init(environment: (String) -> String? = ProcessEnvironment.value(of:), processID: Int32 = getpid()) {
        socketAddress = environment("NOTIFY_SOCKET").flatMap { $0.isEmpty ? nil : $0 }
        let forThisProcess = environment("WATCHDOG_PID").map { Int32($0) == processID } ?? true
        if forThisProcess, let text = environment("WATCHDOG_USEC"), let microseconds = Int64(text), microseconds > 0 {
            watchdogTimeout = .microseconds(microseconds)
        } else {
            watchdogTimeout = nil
        }
    }

    public var isEnabled: Bool { socketAddress != nil }

    /// How often to send WATCHDOG=1: half the timeout, as sd_watchdog_enabled(3) advises, so
    /// one late ping does not get the service killed.
    public var watchdogPingInterval: Duration? {
        watchdogTimeout.map { $0 / 2 }
    }

    /// READY=1, with a status line.
    public func ready(status: String? = nil) throws(SystemdNotifyError) {
        try send(["READY=1"] + (status.map { ["STATUS=\($0)"] } ?? []))
    }

    /// A one-line status shown by `systemctl status`.
    public func status(_ text: String) throws(SystemdNotifyError) {
        try send(["STATUS=\(text)"])
    }

    public func watchdog() throws(SystemdNotifyError) {
        try send(["WATCHDOG=1"])
    }

    /// RELOADING=1 while a SIGHUP reload is applied; send `ready` when it is done.
    public func reloading() throws(SystemdNotifyError) {
        try send(["RELOADING=1"])
    }

    public func stopping(status: String? = nil) throws(SystemdNotifyError) {
        try send(["STOPPING=1"] + (status.map { ["STATUS=\($0)"] } ?? []))
    }

    /// Sends WATCHDOG=1 every `watchdogPingInterval` on `clock` until the task is cancelled;
    /// returns at once when the watchdog is off. `isHealthy` is asked before each ping: a
    /// process that is stuck in a way it can tell (no device loop has run for a while) stops
    /// pinging, and systemd restarts it. A ping that cannot be sent is retried next time.
    public func keepWatchdogAlive(
        clock: some Clock<Duration> = ContinuousClock(), isHealthy: @Sendable () async -> Bool = { true }
    ) async {
        guard isEnabled, let interval = watchdogPingInterval else { return }
        while !Task.isCancelled {
            do {
                try await clock.sleep(for: interval)
            } catch {
                return
            }
            if await isHealthy() {
                try? watchdog()
            }
        }
    }

    /// Sends `assignments` as one datagram, one `KEY=value` per line. Line breaks inside a
    /// value would start a new assignment, so they become spaces.
    public func send(_ assignments: [String]) throws(SystemdNotifyError) {
        guard let socketAddress else { return }
        let message = assignments
            .map { $0.replacingScalars("\r", with: " ").replacingScalars("\n", with: " ") }
            .joined(separator: "\n")
        try UnixDatagram.send(Array(message.utf8), to: socketAddress)
    }
}
