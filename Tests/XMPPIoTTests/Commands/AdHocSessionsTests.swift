import Foundation
import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct AdHocSessionsTests {
    let start = date("2025-03-01T10:00:00Z")

    @Test func aSessionLivesTenMinutesFromItsLastUse() throws {
        var sessions = AdHocSessions()
        let ops = try JID("ops@example.net/laptop")
        sessions.open(id: "s-4f1c", node: "thermo-1/setpoint", requester: ops, now: start)
        try sessions.resume(id: "s-4f1c", node: "thermo-1/setpoint", requester: ops, now: start.addingTimeInterval(540))
        try sessions.resume(id: "s-4f1c", node: "thermo-1/setpoint", requester: ops, now: start.addingTimeInterval(1080))
        #expect(throws: AdHocCommandError.sessionExpired("s-4f1c")) {
            try sessions.resume(id: "s-4f1c", node: "thermo-1/setpoint", requester: ops, now: start.addingTimeInterval(1681))
        }
        #expect(sessions.count == 0)
    }

    @Test func anotherNodeOrRequesterIsABadSessionId() throws {
        var sessions = AdHocSessions()
        let ops = try JID("ops@example.net/laptop")
        sessions.open(id: "s-1", node: "status", requester: ops, now: start)
        #expect(throws: AdHocCommandError.badSessionId("s-1")) {
            try sessions.resume(id: "s-1", node: "thermo-1/setpoint", requester: ops, now: start)
        }
        #expect(throws: AdHocCommandError.badSessionId("s-1")) {
            try sessions.resume(id: "s-1", node: "status", requester: try JID("ops@example.net/phone"), now: start)
        }
        #expect(throws: AdHocCommandError.badSessionId("s-2")) {
            try sessions.resume(id: "s-2", node: "status", requester: ops, now: start)
        }
        sessions.close(id: "s-1")
        #expect(sessions.count == 0)
    }

    @Test func forgetsExpiredSessions() throws {
        var sessions = AdHocSessions(lifetime: 60)
        let ops = try JID("ops@example.net/laptop")
        sessions.open(id: "old", node: "status", requester: ops, now: start)
        sessions.open(id: "new", node: "status", requester: ops, now: start.addingTimeInterval(50))
        sessions.removeExpired(now: start.addingTimeInterval(61))
        #expect(sessions.count == 1)
        try sessions.resume(id: "new", node: "status", requester: ops, now: start.addingTimeInterval(61))
    }
}
