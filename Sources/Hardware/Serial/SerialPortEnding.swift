import Synchronization

/// Why a serial port ended, shared by its channel handler (which learns it on the event
/// loop) and the port (which answers writes after the end with it). The first reason
/// recorded wins: a port that went away and was then closed stays "gone".
final class SerialPortEnding: Sendable {
    private let reason = Mutex<SerialPortError?>(nil)

    var current: SerialPortError? {
        reason.withLock { $0 }
    }

    func record(_ newReason: SerialPortError) {
        reason.withLock { reason in
            if reason == nil { reason = newReason }
        }
    }
}
