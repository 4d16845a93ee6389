import XMPPClient
import XMPPIoT

/// The bytes after the server's stream header, in two chunks split where the first byte
/// says: the parser, the stanza kinds, the IoT requests and messages, and every extension
/// parser on every element (a parser may meet any element a peer chooses to send).
enum StanzaFuzzing {
    static let header = Array(
        "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' from='iot.test' id='s1' version='1.0'>"
            .utf8)

    static func run(_ bytes: [UInt8]) {
        let parser = XMLStreamParser()
        var events = parser.feed(header)
        let split = bytes.first.map { Int($0) % (bytes.count + 1) } ?? 0
        events += parser.feed(bytes[..<split])
        events += parser.feed(bytes[split...])
        for case .stanza(let element) in events {
            handle(element)
        }
    }

    static func handle(_ element: XMLElement) {
        switch try? Stanza(element) {
        case .iq(let iq):
            _ = try? IoTRequest(iq: iq)
        case .message(let message):
            _ = try? IoTMessage(message: message)
        case .presence, nil:
            break
        }
        visit(element)
    }

    static func visit(_ element: XMLElement) {
        _ = try? SensorDataRequest(element)
        _ = try? SensorDataFields(element)
        _ = try? ControlSetRequest(element)
        _ = try? ControlFormRequest(element)
        _ = try? AdHocCommand(element)
        _ = try? DataForm(element)
        _ = try? DiscoInfo(element)
        _ = StanzaError(element)
        for child in element.elements {
            visit(child)
        }
    }
}
