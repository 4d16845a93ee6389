import Testing
import XMPPClient
@testable import Gateway

struct AccessPolicyTests {
    static func jid(_ text: String) -> JID {
        do {
            return try JID(text)
        } catch {
            Issue.record("bad test JID \(text): \(error)")
            return JID.placeholder
        }
    }

    static let policy = AccessPolicy(AccessConfiguration(
        owner: jid("alice@example.org"),
        controllers: [jid("bob@example.org")],
        deviceControllers: ["heating": [jid("carol@example.org")]],
        readers: [jid("dashboard@example.org")]
    ))

    @Test func rolesDecideReadingAndControl() {
        let policy = Self.policy
        for (sender, device, read, control) in [
            ("alice@example.org", "heating", true, true),
            ("bob@example.org", "hall-climate", true, true),
            ("carol@example.org", "heating", true, true),
            ("carol@example.org", "hall-climate", false, false),
            ("dashboard@example.org", "heating", true, false),
            ("mallory@example.org", "heating", false, false),
            ("example.org", "heating", false, false),
        ] {
            #expect(policy.mayRead(Self.jid(sender), device: device) == read, "\(sender) reads \(device)")
            #expect(policy.mayControl(Self.jid(sender), device: device) == control, "\(sender) controls \(device)")
        }
        #expect(policy.role(of: Self.jid("alice@example.org"), device: "x") == .owner)
        #expect(policy.role(of: Self.jid("carol@example.org"), device: "heating") == .controller)
        #expect(policy.role(of: Self.jid("dashboard@example.org"), device: "x") == .reader)
        #expect(policy.role(of: Self.jid("mallory@example.org"), device: "x") == nil)
    }

    /// The resource proves nothing and is ignored; localpart and domain compare without case.
    @Test func matchingIsByBareJIDWithoutCase() {
        let policy = Self.policy
        #expect(policy.mayControl(Self.jid("Alice@EXAMPLE.org/phone"), device: "heating"))
        #expect(policy.mayControl(Self.jid("BOB@example.ORG/anything at all"), device: "relay"))
        #expect(!policy.mayRead(Self.jid("mallory@example.org/alice@example.org"), device: "heating"))
        #expect(!policy.mayRead(Self.jid("alice@example.org.evil.example/x"), device: "heating"))
    }

    @Test func subscriptionsOnlyForJIDsWithARole() {
        let policy = Self.policy
        for sender in ["alice@example.org/a", "bob@example.org", "carol@example.org", "dashboard@example.org"] {
            #expect(policy.shouldApproveSubscription(from: Self.jid(sender)), "\(sender)")
        }
        #expect(!policy.shouldApproveSubscription(from: Self.jid("mallory@example.org")))
    }

    @Test func everyoneWithARoleIsTheBareJIDsOfAllRoles() {
        #expect(Self.policy.everyoneWithARole == Set(["alice@example.org", "bob@example.org", "carol@example.org",
                                                      "dashboard@example.org"].map { Self.jid($0) }))
    }

    @Test func refusalsSayWhoAskedForWhat() throws {
        let policy = Self.policy
        #expect(policy.refusal(of: .control, by: Self.jid("bob@example.org/laptop"), device: "heating") == nil)
        #expect(policy.refusal(of: .read, by: Self.jid("dashboard@example.org"), device: "heating") == nil)
        #expect(policy.refusal(of: .subscribe, by: Self.jid("carol@example.org"), device: nil) == nil)

        let reader = try #require(policy.refusal(of: .control, by: Self.jid("dashboard@example.org/kiosk"), device: "heating"))
        #expect(reader.description == "refused control of heating by dashboard@example.org/kiosk: a reader may not control")
        #expect(reader.reply == "You are not allowed to control heating.")
        #expect(reader.metadata == ["jid": "dashboard@example.org/kiosk", "action": "control", "device": "heating", "role": "reader"])

        let stranger = try #require(policy.refusal(of: .read, by: Self.jid("mallory@example.org/phone"), device: "heating"))
        #expect(stranger.description == "refused read of heating by mallory@example.org/phone: not authorized")
        #expect(stranger.reply == "You are not allowed to read heating.")

        let subscription = try #require(policy.refusal(of: .subscribe, by: Self.jid("mallory@example.org"), device: nil))
        #expect(subscription.description == "refused subscribe by mallory@example.org: not authorized")
        #expect(subscription.reply == "You are not allowed to subscribe to this gateway.")

        let carol = try #require(policy.refusal(of: .control, by: Self.jid("carol@example.org"), device: "hall-relay"))
        #expect(carol.role == nil)
    }
}

extension JID {
    /// Stands in after a failed parse, which the test has already recorded.
    static let placeholder: JID = {
        do { return try JID("placeholder.invalid") } catch { preconditionFailure("\(error)") }
    }()
}
