import Foundation
import Simulators
import Synchronization
import Testing
@testable import Gateway

/// A datagram socket the test binds, standing in for systemd's notify socket.
final class NotifySocket {
    let descriptor: Int32
    /// What `NOTIFY_SOCKET` says: the path, or `@name` for an abstract socket.
    let address: String
    private let path: String?

    init(abstract: Bool) throws {
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        guard descriptor >= 0 else { throw POSIXError(.init(rawValue: errno) ?? .EIO) }
        let name = "gateway-notify-test-\(UUID().uuidString.prefix(8))"
        let bytes: [UInt8]
        if abstract {
            address = "@" + name
            path = nil
            bytes = [0] + Array(name.utf8)
        } else {
            let file = FileManager.default.temporaryDirectory.appendingPathComponent(name).path
            address = file
            path = file
            bytes = Array(file.utf8) + [0]
        }
        var socketAddress = sockaddr_un()
        socketAddress.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &socketAddress.sun_path) { $0.copyBytes(from: bytes) }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count)
        let bound = withUnsafePointer(to: &socketAddress) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, length) }
        }
        guard bound == 0 else {
            close(descriptor)
            throw POSIXError(.init(rawValue: errno) ?? .EIO)
        }
    }

    /// The next datagram already queued; `nil` when there is none (never waits).
    func receive() -> String? {
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
        guard count >= 0 else { return nil }
        return String(decoding: buffer[..<count], as: UTF8.self)
    }

    deinit {
        close(descriptor)
        if let path { unlink(path) }
    }
}

struct SystemdNotifierTests {
    @Test(arguments: [false, true])
    func sendsEachStateAsOneDatagram(abstract: Bool) throws {
        let socket = try NotifySocket(abstract: abstract)
        let notifier = SystemdNotifier(environment: { ["NOTIFY_SOCKET": socket.address][$0] })
        #expect(notifier.isEnabled)
        try notifier.ready(status: "5 devices online")
        #expect(socket.receive() == "READY=1\nSTATUS=5 devices online")
        try notifier.status("reconnecting\nin 5 s")
        #expect(socket.receive() == "STATUS=reconnecting in 5 s")
        try notifier.status("reconnecting\r\nsoon")
        #expect(socket.receive() == "STATUS=reconnecting  soon")
        try notifier.watchdog()
        #expect(socket.receive() == "WATCHDOG=1")
        try notifier.reloading()
        #expect(socket.receive() == "RELOADING=1")
        try notifier.stopping()
        #expect(socket.receive() == "STOPPING=1")
        #expect(socket.receive() == nil)
    }

    @Test func withoutNotifySocketNothingIsSent() throws {
        let notifier = SystemdNotifier(environment: { _ in nil })
        #expect(!notifier.isEnabled)
        #expect(notifier.watchdogTimeout == nil)
        try notifier.ready()
        try notifier.watchdog()
        try notifier.stopping(status: "bye")
    }

    @Test func watchdogIntervalFromTheEnvironment() {
        let notifier = SystemdNotifier(environment: { ["NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "30000000"][$0] }, processID: 42)
        #expect(notifier.watchdogTimeout == .seconds(30))
        #expect(notifier.watchdogPingInterval == .seconds(15))
        let ownPID = SystemdNotifier(environment: { ["WATCHDOG_USEC": "1000000", "WATCHDOG_PID": "42"][$0] }, processID: 42)
        #expect(ownPID.watchdogTimeout == .seconds(1))
        let otherPID = SystemdNotifier(environment: { ["WATCHDOG_USEC": "1000000", "WATCHDOG_PID": "43"][$0] }, processID: 42)
        #expect(otherPID.watchdogTimeout == nil)
        #expect(SystemdNotifier(environment: { ["WATCHDOG_USEC": "soon"][$0] }).watchdogTimeout == nil)
        #expect(SystemdNotifier(environment: { ["WATCHDOG_USEC": "0"][$0] }).watchdogTimeout == nil)
    }

    /// Pings at half the watchdog timeout, only while healthy, until cancelled.
    @Test func watchdogPingsAtHalfTheTimeoutWhileHealthy() async throws {
        let socket = try NotifySocket(abstract: true)
        let notifier = SystemdNotifier(environment: { ["NOTIFY_SOCKET": socket.address, "WATCHDOG_USEC": "10000000"][$0] })
        let clock = ManualClock()
        let healthy = Mutex(true)
        let pinging = Task { await notifier.keepWatchdogAlive(clock: clock, isHealthy: { healthy.withLock { $0 } }) }
        await clock.waitForSleepers()
        #expect(socket.receive() == nil)
        clock.advance(by: .seconds(5))
        await clock.waitForSleepers()
        #expect(socket.receive() == "WATCHDOG=1")
        healthy.withLock { $0 = false }
        clock.advance(by: .seconds(5))
        await clock.waitForSleepers()
        #expect(socket.receive() == nil)
        healthy.withLock { $0 = true }
        clock.advance(by: .seconds(5))
        await clock.waitForSleepers()
        #expect(socket.receive() == "WATCHDOG=1")
        pinging.cancel()
        await pinging.value
    }

    @Test func withoutWatchdogKeepAliveReturnsAtOnce() async throws {
        let socket = try NotifySocket(abstract: false)
        await SystemdNotifier(environment: { ["NOTIFY_SOCKET": socket.address][$0] }).keepWatchdogAlive(clock: ManualClock())
        #expect(socket.receive() == nil)
    }

    @Test func badSocketAddressesAreErrors() {
        #expect(throws: SystemdNotifyError.invalidSocketAddress("relative/path")) {
            try SystemdNotifier(environment: { ["NOTIFY_SOCKET": "relative/path"][$0] }).ready()
        }
        let long = "/" + String(repeating: "x", count: 200)
        #expect(throws: SystemdNotifyError.invalidSocketAddress(long)) {
            try SystemdNotifier(environment: { ["NOTIFY_SOCKET": long][$0] }).ready()
        }
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("no-such-notify-socket").path
        #expect(throws: SystemdNotifyError.sendFailed(socket: missing, errno: ENOENT)) {
            try SystemdNotifier(environment: { ["NOTIFY_SOCKET": missing][$0] }).watchdog()
        }
    }
}
