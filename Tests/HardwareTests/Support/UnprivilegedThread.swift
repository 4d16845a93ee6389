import Glibc

/// Runs code on a thread of its own whose file-system identity is `nobody`, so a test
/// running as root sees "permission denied" where a gateway in the wrong group would.
///
/// `setfsuid` changes only the calling thread, and changing the file-system user id away
/// from 0 also drops that thread's CAP_DAC_OVERRIDE (capabilities(7)). The rest of the test
/// process keeps root. Glibc's Swift module does not export <sys/fsuid.h>, so the two
/// functions are looked up by name.
enum UnprivilegedThread {
    static let nobody: UInt32 = 65534

    /// Why the trick cannot work here, if it cannot: only root may change identity.
    static var unavailableReason: String? {
        geteuid() == 0 ? nil : "changing the file-system user id needs root"
    }

    static func run<Value: Sendable>(_ body: @escaping @Sendable () -> Value) throws -> Value {
        typealias SetIdentity = @convention(c) (UInt32) -> Int32
        guard let setfsuid = dlsym(nil, "setfsuid"), let setfsgid = dlsym(nil, "setfsgid") else {
            throw TestFailure("setfsuid/setfsgid not found in the C library")
        }
        let setUser = unsafeBitCast(setfsuid, to: SetIdentity.self)
        let setGroup = unsafeBitCast(setfsgid, to: SetIdentity.self)
        let slot = Slot<Value>()
        let work = Work {
            _ = setGroup(nobody)
            _ = setUser(nobody)
            slot.value = body()
        }
        var thread = pthread_t()
        let context = Unmanaged.passRetained(work).toOpaque()
        // A C function cannot capture, so the work travels as the thread's argument.
        let created = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            Unmanaged<Work>.fromOpaque(context).takeRetainedValue().body()
            return nil
        }, context)
        guard created == 0 else {
            Unmanaged<Work>.fromOpaque(context).release()
            throw TestFailure("pthread_create: \(created)")
        }
        pthread_join(thread, nil)
        guard let value = slot.value else { throw TestFailure("the unprivileged thread returned nothing") }
        return value
    }

    /// What the thread runs. `@unchecked Sendable`: handed over once, at thread creation.
    private final class Work: @unchecked Sendable {
        let body: () -> Void

        init(_ body: @escaping () -> Void) {
            self.body = body
        }
    }

    /// The thread's result. `@unchecked Sendable`: written by the thread, read after the join.
    private final class Slot<Value>: @unchecked Sendable {
        var value: Value?
    }
}
