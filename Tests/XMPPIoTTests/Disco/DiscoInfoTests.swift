import Foundation
import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct DiscoInfoTests {
    let psiFeatures = ["http://jabber.org/protocol/caps", "http://jabber.org/protocol/disco#info",
                       "http://jabber.org/protocol/disco#items", "http://jabber.org/protocol/muc"]

    @Test func simpleVector() throws {
        let info = DiscoInfo(identities: [DiscoIdentity(category: "client", type: "pc", name: "Exodus 0.9.1")],
                             features: psiFeatures.reversed())
        #expect(info.capsVerificationString == "client/pc//Exodus 0.9.1<http://jabber.org/protocol/caps<"
            + "http://jabber.org/protocol/disco#info<http://jabber.org/protocol/disco#items<http://jabber.org/protocol/muc<")
        #expect(try info.capsHash() == "QgayPKawpkPSDYmwT/WM94uAlu0=")
        let withoutCaps = DiscoInfo(identities: info.identities, features: Array(psiFeatures.dropFirst()))
        #expect(try withoutCaps.capsHash() == "SrFo9ar2CCk2EnOH4q4QANeuxLQ=")
    }

    @Test func complexVectorWithLanguagesAndAnExtensionForm() throws {
        let softwareInfo = DataForm(type: .result, formType: "urn:xmpp:dataforms:softwareinfo", fields: [
            DataFormField(variable: "software_version", values: ["0.11"]),
            DataFormField(variable: "os_version", values: ["10.5.1"]),
            DataFormField(variable: "software", values: ["Psi"]),
            DataFormField(variable: "ip_version", values: ["ipv6", "ipv4"]),
            DataFormField(variable: "os", values: ["Mac"]),
        ])
        let info = DiscoInfo(identities: [
            DiscoIdentity(category: "client", type: "pc", name: "Psi 0.11", language: "en"),
            DiscoIdentity(category: "client", type: "pc", name: "Ψ 0.11", language: "el"),
        ], features: psiFeatures, forms: [softwareInfo])
        #expect(info.capsVerificationString == "client/pc/el/Ψ 0.11<client/pc/en/Psi 0.11<http://jabber.org/protocol/caps<"
            + "http://jabber.org/protocol/disco#info<http://jabber.org/protocol/disco#items<http://jabber.org/protocol/muc<"
            + "urn:xmpp:dataforms:softwareinfo<ip_version<ipv4<ipv6<os<Mac<os_version<10.5.1<software<Psi<"
            + "software_version<0.11<")
        #expect(try info.capsHash() == "q07IKJEyjvHSyhy//CH0CxmKi8w=")
        var displayed = info
        displayed.identities = info.identities.map { identity in
            var copy = identity
            copy.name = identity.name?.replacingOccurrences(of: " ", with: "\u{A0}")
            return copy
        }
        #expect(try displayed.capsHash() == "k8ug9H7s8eFYWtdabhzBa17EhaU=")
    }

    @Test func projectVectorIsTheDeviceDiscoAnswer() throws {
        let info = DiscoInfo(identities: [.bot(name: "iotgw")], offering: IoTFeature.device(controllable: true))
        #expect(info.capsVerificationString == "client/bot//iotgw<http://jabber.org/protocol/caps<"
            + "http://jabber.org/protocol/commands<http://jabber.org/protocol/disco#info<http://jabber.org/protocol/disco#items<"
            + "jabber:iq:version<jabber:x:data<urn:xmpp:iot:control<urn:xmpp:iot:sensordata<urn:xmpp:ping<urn:xmpp:time<")
        #expect(try info.capsHash() == "YSSiyGuWIC+K4S3f8UJ6bX0JSsE=")
        let request = try iq("""
            <iq type='get' id='d1' from='ops@example.net/laptop' to='gw@example.net/thermo-1'>\
            <query xmlns='http://jabber.org/protocol/disco#info'/></iq>
            """)
        #expect(wire(request.result(info.element).element) == compact("""
            <iq type='result' id='d1' to='ops@example.net/laptop'>
              <query xmlns='http://jabber.org/protocol/disco#info'>
                <identity category='client' type='bot' name='iotgw'/>
                <feature var='http://jabber.org/protocol/caps'/>
                <feature var='http://jabber.org/protocol/commands'/>
                <feature var='http://jabber.org/protocol/disco#info'/>
                <feature var='http://jabber.org/protocol/disco#items'/>
                <feature var='jabber:iq:version'/>
                <feature var='jabber:x:data'/>
                <feature var='urn:xmpp:iot:control'/>
                <feature var='urn:xmpp:iot:sensordata'/>
                <feature var='urn:xmpp:ping'/>
                <feature var='urn:xmpp:time'/>
              </query></iq>
            """))
        #expect(try DiscoInfo(info.element) == info)
    }

    @Test func sensorOnlyDevicesLeaveOutControlAndNoDeviceAdvertisesNotify() throws {
        let info = DiscoInfo(identities: [.bot(name: "iotgw")], offering: IoTFeature.device(controllable: false))
        #expect(!info.features.contains(IoTNamespace.control))
        #expect(info.features.contains(IoTNamespace.sensorData))
        #expect(!info.features.contains { $0.hasSuffix("+notify") })
        #expect(try info.capsHash() != "YSSiyGuWIC+K4S3f8UJ6bX0JSsE=")
    }

    @Test func duplicatesOrAmbiguousFormsAreNotCacheable() {
        let info = DiscoInfo(identities: [.bot(name: "iotgw")], features: ["a", "b"])
        #expect(info.isCacheableForCaps)
        #expect(!DiscoInfo(identities: [.bot(name: "iotgw")], features: ["a", "a"]).isCacheableForCaps)
        #expect(!DiscoInfo(identities: [.bot(name: "x"), .bot(name: "x")], features: ["a"]).isCacheableForCaps)
        #expect(!DiscoInfo(identities: [.bot(name: "x")], features: ["a"], forms: [DataForm(type: .result)]).isCacheableForCaps)
    }

    @Test func capsElementAndDiscoNode() throws {
        let info = DiscoInfo(identities: [.bot(name: "iotgw")], offering: IoTFeature.device(controllable: true))
        let caps = try EntityCapabilities(node: "https://example.net/iot-gateway", info: info)
        #expect(xml(caps.element) == """
            <c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='https://example.net/iot-gateway' \
            ver='YSSiyGuWIC+K4S3f8UJ6bX0JSsE='/>
            """)
        #expect(caps.discoNode == "https://example.net/iot-gateway#YSSiyGuWIC+K4S3f8UJ6bX0JSsE=")
    }

    @Test func listsDevicesAsItems() throws {
        let items = DiscoItems(items: [DiscoItems.Item(jid: try JID("gw@example.net/thermo-1"), name: "Thermostat (living room)")])
        #expect(xml(items.element) == compact("""
            <query xmlns='http://jabber.org/protocol/disco#items'>
            <item jid='gw@example.net/thermo-1' name='Thermostat (living room)'/></query>
            """))
    }

    @Test func answersVersionAndTime() {
        #expect(xml(SoftwareVersion(name: "iot-gateway", version: "0.3.1", operatingSystem: "Linux").element) == """
            <query xmlns='jabber:iq:version'><name>iot-gateway</name><version>0.3.1</version><os>Linux</os></query>
            """)
        #expect(xml(EntityTime.element(now: date("2025-03-01T10:15:00Z"), utcOffsetSeconds: 3600)) == """
            <time xmlns='urn:xmpp:time'><tzo>+01:00</tzo><utc>2025-03-01T10:15:00Z</utc></time>
            """)
        #expect(xml(EntityTime.element(now: date("2025-03-01T10:15:00Z"))).contains("<tzo>Z</tzo>"))
    }

    @Test func commandNodesAnswerDisco() {
        #expect(xml(DiscoInfo.commandNode("thermo-1/setpoint", name: "Set target").element) == compact("""
            <query xmlns='http://jabber.org/protocol/disco#info' node='thermo-1/setpoint'>
            <identity category='automation' type='command-node' name='Set target'/>
            <feature var='http://jabber.org/protocol/commands'/><feature var='jabber:x:data'/></query>
            """))
        #expect(DiscoInfo.commandList.identities == [DiscoIdentity(category: "automation", type: "command-list")])
        #expect(DiscoInfo.commandList.node == IoTNamespace.commands)
    }
}
