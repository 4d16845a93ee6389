import Testing

@testable import Hardware

@Suite struct SysfsDevicePresenceTests {
    @Test func reportsWhatAppearedAndDisappearedSinceTheLastLook() {
        var presence = SysfsDevicePresence()
        #expect(presence.update(["b", "a"]) == [.appeared("a"), .appeared("b")])
        #expect(presence.update(["a", "b"]) == [])
        #expect(presence.update(["c", "a"]) == [.disappeared("b"), .appeared("c")])
        #expect(presence.update([]) == [.disappeared("a"), .disappeared("c")])
    }
}
