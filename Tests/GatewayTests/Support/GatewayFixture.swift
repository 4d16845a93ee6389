import Drivers
import Foundation
import Logging
import XMPPClient
@testable import Gateway

/// A gateway's request handling without a network: a relay and a thermostat-like sensor
/// behind `RecordingDriver`s, Alice as owner, Bob as reader, Mallory as nobody.
struct GatewayFixture {
    static let account = try! JID("gw@iot.test")
    static let alice = try! JID("alice@iot.test/phone")
    static let bob = try! JID("bob@iot.test/laptop")
    static let mallory = try! JID("mallory@iot.test/evil")

    let relay: DeviceRuntime
    let relayDriver: RecordingDriver
    let sensor: DeviceRuntime
    let directory: DeviceDirectory
    let services: GatewayServices
    let commands: AdHocCommands

    init(burst: Int = 5) {
        let relayModel = catalogModel("gpio-relay")
        relayDriver = RecordingDriver(model: relayModel)
        relay = DeviceRuntime(id: "heater", model: relayModel, driver: relayDriver)
        let sensorModel = catalogModel("bme280")
        sensor = DeviceRuntime(id: "living", model: sensorModel, driver: RecordingDriver(model: sensorModel))
        directory = DeviceDirectory([relay, sensor])
        let access = AccessConfiguration(owner: Self.alice, readers: [Self.bob],
                                         controlRateLimit: ControlRateLimit(burst: burst, interval: .seconds(60)))
        services = GatewayServices(
            access: AccessPolicy(access),
            controlLimiter: ControlRateLimiter(limit: access.controlRateLimit, clock: ContinuousClock()),
            history: nil, logger: Logger(label: "test"))
        commands = AdHocCommands(directory: directory, services: services)
    }

    func requests(for device: any GatewayDevice) -> DeviceRequests {
        DeviceRequests(device: device, directory: directory, services: services,
                       commands: commands,
                       send: { _ in })
    }

    /// Parses XML text the way a stanza arrives.
    static func element(_ text: String) -> XMLElement {
        let parser = XMLStreamParser()
        var found: XMLElement?
        let wrapped = "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>" + text
        for event in parser.feed(Array(wrapped.utf8)) {
            if case let .stanza(element) = event { found = element }
        }
        guard let found else { fatalError("not a stanza: \(text)") }
        return found
    }

    static func iq(_ text: String) -> IQ {
        try! IQ(element(text))
    }
}
