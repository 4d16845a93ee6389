/// A stream of realistic stanzas for the XML benchmark: presence with caps, XEP-0323 field
/// messages, PEP event notifications and IQs, with varied values, cut into chunks of random
/// sizes as TCP reads would deliver them.
struct XMLBenchmarkCorpus {
    let bytes: [UInt8]
    let stanzaCount: Int
    /// Where each chunk ends, in `bytes`.
    let chunkEnds: [Int]

    static let header = """
        <?xml version='1.0'?><stream:stream xmlns='jabber:client' \
        xmlns:stream='http://etherx.jabber.org/streams' from='iot.test' id='bench' version='1.0' xml:lang='en'>
        """

    init(megabytes: Int, seed: UInt64 = 42) {
        var random = CorpusRandom(seed: seed)
        var text = Self.header
        var count = 0
        while text.utf8.count < megabytes * 1_000_000 {
            let (stanzas, stanzaCount) = Self.stanzas(count, &random)
            text += stanzas
            count += stanzaCount
        }
        text += "</stream:stream>"
        bytes = Array(text.utf8)
        stanzaCount = count
        var ends: [Int] = []
        var end = 0
        while end < bytes.count {
            end = min(bytes.count, end + Int(random.next() % 8192) + 1)
            ends.append(end)
        }
        chunkEnds = ends
    }

    /// Calls `body` with each chunk in order.
    func forEachChunk(_ body: (UnsafeRawBufferPointer) -> Void) {
        bytes.withUnsafeBytes { all in
            var start = 0
            for end in chunkEnds {
                body(UnsafeRawBufferPointer(rebasing: all[start..<end]))
                start = end
            }
        }
    }

    private static func stanzas(_ index: Int, _ random: inout CorpusRandom) -> (String, Int) {
        let device = "device-\(random.next() % 100)"
        let value = Double(random.next() % 40_000) / 1000
        switch index % 4 {
        case 0:
            return ("""
                <presence from='gw@iot.test/\(device)' to='bob@iot.test'><show>chat</show>\
                <status>\(value) °C · heating</status><priority>-1</priority>\
                <c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='https://xmpp-iot-gateway' \
                ver='QgayPKawpkPSDYmwT/WM94uAlu0='/></presence>
                """, 1)
        case 1:
            let fields = (0..<5).map { field in
                "<numeric name='field\(field)' value='\(value + Double(field))' unit='°C' momentary='true' automaticReadout='true'/>"
            }.joined()
            return ("""
                <message from='gw@iot.test/\(device)' to='bob@iot.test/ctl' id='m\(index)'>\
                <fields xmlns='urn:xmpp:iot:sensordata' seqnr='\(index)' done='true'>\
                <node nodeId='\(device)'><timestamp value='2026-11-21T16:28:08Z'>\(fields)</timestamp></node>\
                </fields></message>
                """, 1)
        case 2:
            return ("""
                <message from='gw@iot.test' to='bob@iot.test/ctl' type='headline' id='e\(index)'>\
                <event xmlns='http://jabber.org/protocol/pubsub#event'><items node='urn:xmpp:iot:readings:\(device)'>\
                <item id='current' publisher='gw@iot.test'><reading xmlns='urn:example:iot:readings' \
                sensor='\(device)' field='temperature' value='\(value)' unit='°C' \
                timestamp='2026-11-21T16:28:08Z'/></item></items></event>\
                <delay xmlns='urn:xmpp:delay' stamp='2026-11-21T16:28:08Z'/></message>
                """, 1)
        default:
            return ("""
                <iq from='bob@iot.test/ctl' to='gw@iot.test/\(device)' type='get' id='q\(index)'>\
                <req xmlns='urn:xmpp:iot:sensordata' seqnr='\(index)' momentary='true'>\
                <node nodeId='\(device)'/><field name='temperature'/></req></iq>\
                <message to='bob@iot.test' type='chat' id='c\(index)'><body>set living \(value) &amp; report &lt;now&gt;</body></message>
                """, 2)
        }
    }
}

/// A linear congruential generator (Knuth's MMIX constants): a fixed seed gives the same
/// corpus on every machine, and the benchmark needs nothing better.
struct CorpusRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        return state >> 16
    }
}
