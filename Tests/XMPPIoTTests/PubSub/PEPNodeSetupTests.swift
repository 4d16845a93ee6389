import Testing
@testable import XMPPIoT

@Suite struct PEPNodeSetupTests {
    @Test func readsTheConfigurationFirstAndRaisesMaxItems() {
        var setup = PEPNodeSetup(deviceCount: 20)
        #expect(setup.publishRequested() == [.requestConfiguration])
        #expect(setup.publishRequested() == [])
        #expect(setup.handle(.configurationRead(PubSubNodeConfiguration(maxItems: "1"))) == [.configure(PubSubNodeConfiguration(maxItems: "20"))])
        #expect(setup.handle(.configured) == [.publish])
        #expect(setup.handle(.publishSucceeded) == [])
        #expect(setup.isReady)
        #expect(setup.publishRequested() == [.publish])
    }

    @Test func publishesStraightAwayWhenTheNodeIsBigEnough() {
        var setup = PEPNodeSetup(deviceCount: 3)
        _ = setup.publishRequested()
        #expect(setup.handle(.configurationRead(PubSubNodeConfiguration(maxItems: "max"))) == [.publish])
    }

    @Test func createsAMissingNodeByPublishingThenConfigures() {
        var setup = PEPNodeSetup(deviceCount: 500)
        #expect(setup.requiredMaxItems == 256)
        _ = setup.publishRequested()
        #expect(setup.handle(.configurationFailed(.nodeMissing)) == [.publish])
        #expect(setup.handle(.publishSucceeded) == [.configure(PubSubNodeConfiguration(maxItems: "256"))])
        #expect(setup.handle(.configured) == [])
        #expect(setup.isReady)
    }

    @Test func createsTheNodeWhenAPubSubServiceDoesNotCreateItByPublishing() {
        var setup = PEPNodeSetup(deviceCount: 3, accessModel: .whitelist)
        #expect(setup.publishOptions == PublishOptions(accessModel: .whitelist))
        _ = setup.publishRequested()
        _ = setup.handle(.configurationFailed(.nodeMissing))
        #expect(setup.handle(.publishFailed(.nodeMissing))
            == [.create(PubSubNodeConfiguration(maxItems: "3", accessModel: .whitelist, persistItems: true))])
        #expect(setup.handle(.created) == [.publish])
        #expect(setup.handle(.publishSucceeded) == [])
        #expect(setup.isReady)
    }

    @Test func aRefusedCreationAlertsAndIsTriedAgainWithTheNextReading() {
        var setup = PEPNodeSetup(deviceCount: 3)
        _ = setup.publishRequested()
        _ = setup.handle(.configurationFailed(.nodeMissing))
        _ = setup.handle(.publishFailed(.nodeMissing))
        let actions = setup.handle(.creationFailed(.notPermitted))
        guard case .alert(let text)? = actions.first, actions.count == 1 else {
            Issue.record("expected one alert, got \(actions)")
            return
        }
        #expect(text.contains("Cannot create the readings node") && text.contains("notPermitted"))
        #expect(!setup.isReady)
        #expect(setup.publishRequested() == [.publish])
        #expect(setup.handle(.publishFailed(.nodeMissing))
            == [.create(PubSubNodeConfiguration(maxItems: "3", accessModel: .presence, persistItems: true))])
    }

    @Test func reconfiguresOnceOnPreconditionNotMetThenAlerts() {
        var setup = PEPNodeSetup(deviceCount: 2)
        _ = setup.publishRequested()
        _ = setup.handle(.configurationRead(PubSubNodeConfiguration(maxItems: "10")))
        #expect(setup.handle(.publishFailed(.preconditionNotMet))
            == [.configure(PubSubNodeConfiguration(maxItems: "2", accessModel: .presence, persistItems: true))])
        #expect(setup.handle(.configured) == [.publish])
        let actions = setup.handle(.publishFailed(.preconditionNotMet))
        #expect(actions.count == 1)
        guard case .alert(let text)? = actions.first else {
            Issue.record("expected an alert, got \(actions)")
            return
        }
        #expect(text.contains("Publishing readings failed"))
        #expect(!setup.isReady)
    }

    @Test func aRefusedConfigurationAlertsButStillPublishes() {
        var setup = PEPNodeSetup(deviceCount: 20)
        _ = setup.publishRequested()
        _ = setup.handle(.configurationRead(PubSubNodeConfiguration(maxItems: "1")))
        let actions = setup.handle(.configurationFailed(.notAcceptable))
        #expect(actions.count == 2 && actions.last == .publish)
    }

    @Test func dropsPublishOptionsWhenTheServerRefusesThem() {
        var setup = PEPNodeSetup(deviceCount: 2)
        _ = setup.publishRequested()
        _ = setup.handle(.configurationRead(PubSubNodeConfiguration(maxItems: "10")))
        #expect(setup.publishOptions == PublishOptions(accessModel: .presence))
        #expect(setup.handle(.publishFailed(.publishOptionRefused)) == [.publish])
        #expect(setup.publishOptions == nil, "the retry and every later item go without them")
        #expect(setup.handle(.publishSucceeded) == [])
        #expect(setup.isReady)
    }
}
