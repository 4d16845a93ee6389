import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct IoTRequestTests {
    @Test(arguments: [
        ("<iq type='get' id='1'><req xmlns='urn:xmpp:iot:sensordata' seqnr='1' momentary='true'/></iq>", "readout"),
        ("<iq type='get' id='2'><cancel xmlns='urn:xmpp:iot:sensordata' seqnr='9'/></iq>", "cancel"),
        ("<iq type='set' id='3'><set xmlns='urn:xmpp:iot:control'><boolean name='H' value='true'/></set></iq>", "set"),
        ("<iq type='get' id='4'><getForm xmlns='urn:xmpp:iot:control'/></iq>", "getForm"),
        ("<iq type='set' id='5'><command xmlns='http://jabber.org/protocol/commands' node='status'/></iq>", "command"),
        ("<iq type='get' id='6'><query xmlns='http://jabber.org/protocol/disco#info' node='n#v'/></iq>", "info"),
        ("<iq type='get' id='7'><query xmlns='http://jabber.org/protocol/disco#items' node='http://jabber.org/protocol/commands'/></iq>", "items"),
    ])
    func classifiesEveryRequest(text: String, kind: String) throws {
        let request = try IoTRequest(iq: iq(text))
        let actual: String =
            switch request {
            case .readout: "readout"
            case .cancelReadout(let seqnr): seqnr == "9" ? "cancel" : "wrong seqnr"
            case .controlSet: "set"
            case .controlForm: "getForm"
            case .command(let command): command.node == "status" ? "command" : "wrong node"
            case .discoInfo(let node): node == "n#v" ? "info" : "wrong node"
            case .discoItems(let node): node == IoTNamespace.commands ? "items" : "wrong node"
            }
        #expect(actual == kind)
    }

    @Test func unknownNamespaceIsServiceUnavailable() throws {
        let request = try iq("<iq type='get' id='1'><query xmlns='jabber:iq:last'/></iq>")
        #expect { try IoTRequest(iq: request) } throws: { error in
            (error as? IoTRequestError)?.stanzaError.condition == .serviceUnavailable
                && (error as? IoTRequestError)?.stanzaError.kind == .cancel
        }
    }

    @Test func wrongIQTypeOrMalformedPayloadIsBadRequest() throws {
        for text in [
            "<iq type='set' id='1'><req xmlns='urn:xmpp:iot:sensordata' seqnr='1'/></iq>",
            "<iq type='get' id='2'><set xmlns='urn:xmpp:iot:control'><double name='S' value='1'/></set></iq>",
            "<iq type='get' id='3'><req xmlns='urn:xmpp:iot:sensordata'/></iq>",
        ] {
            let request = try iq(text)
            #expect(throws: IoTRequestError.self) { try IoTRequest(iq: request) }
            #expect { try IoTRequest(iq: request) } throws: { ($0 as? IoTRequestError)?.condition == .badRequest }
        }
        let result = try iq("<iq type='result' id='4'/>")
        #expect(throws: IoTRequestError.self) { try IoTRequest(iq: result) }
    }

    @Test func rejectsAReadoutForAnUnknownNodeAsTheBriefExpects() throws {
        let request = try iq("""
            <iq type='get' id='r1' from='ops@example.net/laptop'><req xmlns='urn:xmpp:iot:sensordata' seqnr='3' \
            momentary='true'><node nodeId='nope'/></req></iq>
            """)
        guard case .readout(let readout) = try IoTRequest(iq: request) else {
            Issue.record("not a readout")
            return
        }
        let unknown = readout.unknownNodeIds(served: ["thermo-1"])
        #expect(unknown == ["nope"])
        let reply = SensorDataResponse.rejection(answering: request, seqnr: readout.seqnr,
                                                 error: .itemNotFound("Unknown node nope"), dialect: readout.dialect)
        #expect(reply.error?.condition == .itemNotFound && reply.error?.kind == .cancel)
        #expect(reply.payload == nil)
    }
}
