/// Sends a session's presence through a `PresenceThrottle`: at once when the last one is old
/// enough, otherwise once, later, with whatever the state is then.
actor ThrottledPresence {
    private var throttle: PresenceThrottle
    private let send: @Sendable () async -> Void

    init(interval: Duration = .seconds(5), send: @escaping @Sendable () async -> Void) {
        throttle = PresenceThrottle(interval: interval)
        self.send = send
    }

    func changed() async {
        switch throttle.change(at: .now) {
        case .sendNow:
            await send()
        case let .sendAt(due):
            Task {
                try? await Task.sleep(until: due, clock: .continuous)
                await self.sendScheduled()
            }
        case .alreadyScheduled:
            break
        }
    }

    private func sendScheduled() async {
        throttle.sent(at: .now)
        await send()
    }
}
