import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct DevicePresenceTests {
    @Test func healthMapsToShow() {
        #expect(DeviceHealth.ok.show == nil)
        #expect(DeviceHealth.degraded.show == .away)
        #expect(DeviceHealth.absent.show == .xa)
        #expect(DeviceHealth.fault.show == .dnd)
    }

    @Test func writesTheBriefsDevicePresence() throws {
        let info = DiscoInfo(identities: [.bot(name: "iotgw")], offering: IoTFeature.device(controllable: true))
        let presence = DevicePresence(health: .fault, status: "thermo-1: sensor fault (I2C timeout)",
                                      capabilities: try EntityCapabilities(node: "https://example.net/iot-gateway", info: info))
        #expect(wire(presence.presence.element) == """
            <presence><show>dnd</show><status>thermo-1: sensor fault (I2C timeout)</status><priority>-1</priority>\
            <c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='https://example.net/iot-gateway' \
            ver='YSSiyGuWIC+K4S3f8UJ6bX0JSsE='/></presence>
            """)
        #expect(wire(DevicePresence(health: .ok, status: "21.4 °C · heating").presence.element)
            == "<presence><status>21.4 °C · heating</status><priority>-1</priority></presence>")
    }
}
