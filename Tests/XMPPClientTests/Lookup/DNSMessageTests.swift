import Testing
@testable import XMPPClient

@Suite struct DNSMessageTests {
    /// dnsmasq's answer to `_xmpps-client._tcp.iot.test SRV`: one record, 0 5 15223
    /// localhost, its owner name compressed to a pointer at the question.
    static let dnsmasqAnswer = bytes(hex: """
        1234858000010001000000000d5f786d7070732d636c69656e74045f74637003696f7404746573740000210001\
        c00c00210001000000000011000000053b77096c6f63616c686f737400
        """)

    static func bytes(hex: String) -> [UInt8] {
        var bytes: [UInt8] = []
        var index = hex.startIndex
        while index < hex.endIndex {
            let next = hex.index(index, offsetBy: 2)
            bytes.append(UInt8(hex[index..<next], radix: 16)!)
            index = next
        }
        return bytes
    }

    @Test func buildsARecursiveSRVQuery() throws {
        let query = try DNSMessage.query(id: 0x1234, name: "_xmpp-client._tcp.iot.test", type: DNSMessage.srvType)
        #expect(query == Self.bytes(hex: "123401000001000000000000") + [12] + Array("_xmpp-client".utf8) + [4] + Array("_tcp".utf8)
            + [3] + Array("iot".utf8) + [4] + Array("test".utf8) + [0, 0, 33, 0, 1])
        #expect(try DNSMessage.query(id: 1, name: "iot.test.", type: 33) == DNSMessage.query(id: 1, name: "iot.test", type: 33))
    }

    @Test func refusesNamesDNSCannotCarry() {
        for name in ["", "a..b", String(repeating: "a", count: 64) + ".test",
                     Array(repeating: String(repeating: "a", count: 60), count: 5).joined(separator: ".")] {
            #expect(throws: DNSMessageError.invalidQueryName(name)) {
                try DNSMessage.query(id: 1, name: name, type: 33)
            }
        }
    }

    @Test func readsTheSRVRecordsOfARealResponse() throws {
        let response = try DNSMessage.parseResponse(Self.dnsmasqAnswer)
        #expect(response == DNSMessage.Response(id: 0x1234, isTruncated: false, responseCode: 0, srvRecords: [
            SRVRecord(priority: 0, weight: 5, port: 15223, target: "localhost"),
        ]))
    }

    @Test func readsTheNoServiceTargetAndNXDOMAIN() throws {
        let none = try DNSMessage.parseResponse(Self.bytes(hex: """
            1234858000010001000000000c5f786d70702d636c69656e74045f746370046e6f6e6504746573740000210001\
            c00c0021000100000000000700000000000100
            """))
        #expect(none.srvRecords == [SRVRecord(priority: 0, weight: 0, port: 1, target: ".")])
        #expect(none.srvRecords[0].meansNoService)
        let nxdomain = try DNSMessage.parseResponse(Self.bytes(hex: "123481830001000000000000") + [1, 0x61, 0, 0, 33, 0, 1])
        #expect(nxdomain.responseCode == 3 && nxdomain.srvRecords.isEmpty)
    }

    @Test func followsACompressedTargetAndSkipsOtherRecordTypes() throws {
        var message = Self.bytes(hex: "000181800001000200000000")
        message += [3] + Array("iot".utf8) + [4] + Array("test".utf8) + [0, 0, 33, 0, 1]   // question at 12
        message += [0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 127, 0, 0, 1]                  // an A record
        message += [0xC0, 12, 0, 33, 0, 1, 0, 0, 0, 60, 0, 12, 0, 10, 0, 60, 0x14, 0x66]     // 10 60 5222
        message += [3] + Array("xmp".utf8) + [0xC0, 12]                                     // xmp.iot.test
        let response = try DNSMessage.parseResponse(message)
        #expect(response.srvRecords == [SRVRecord(priority: 10, weight: 60, port: 5222, target: "xmp.iot.test")])
    }

    @Test func reportsEachKindOfMalformedResponse() {
        let header = Self.bytes(hex: "000181800001000100000000")
        let question: [UInt8] = [1, 0x61, 0, 0, 33, 0, 1]
        func answer(_ rdata: [UInt8], length: Int? = nil) -> [UInt8] {
            let count = length ?? rdata.count
            return header + question + [0xC0, 12, 0, 33, 0, 1, 0, 0, 0, 60, UInt8(count >> 8), UInt8(count & 0xFF)] + rdata
        }
        #expect(throws: DNSMessageError.notAResponse) {
            try DNSMessage.parseResponse(Self.bytes(hex: "000101000000000000000000"))
        }
        #expect(throws: DNSMessageError.badCompressionPointer(offset: 12)) {
            try DNSMessage.parseResponse(header + [0xC0, 12, 0, 33, 0, 1])   // points at itself
        }
        #expect(throws: DNSMessageError.badCompressionPointer(offset: 12)) {
            try DNSMessage.parseResponse(header + [0xC0, 40, 0, 33, 0, 1])   // points forward
        }
        #expect(throws: DNSMessageError.unsupportedLabelType(offset: 12)) {
            try DNSMessage.parseResponse(header + [0x41, 0, 0, 33, 0, 1])
        }
        #expect(throws: DNSMessageError.invalidName(offset: 12)) {
            try DNSMessage.parseResponse(header + [3, 0x61, 0x2E, 0x62, 0, 0, 33, 0, 1])   // "a.b" as one label
        }
        #expect(throws: DNSMessageError.badRecordLength(type: 33, length: 3)) {
            try DNSMessage.parseResponse(answer([0, 1, 0]))
        }
        #expect(throws: DNSMessageError.badRecordLength(type: 33, length: 9)) {
            try DNSMessage.parseResponse(answer([0, 1, 0, 1, 0, 1, 0, 0, 0]))   // target ends before the data does
        }
        #expect(throws: DNSMessageError.truncated(offset: 31)) {
            try DNSMessage.parseResponse(answer([0, 1, 0, 1, 0, 1, 0], length: 200))
        }
        var longName: [UInt8] = []
        for _ in 0..<5 { longName += [60] + Array(repeating: 0x61, count: 60) }
        #expect(throws: DNSMessageError.invalidName(offset: 12 + 4 * 61)) {
            try DNSMessage.parseResponse(header + longName + [0, 0, 33, 0, 1])
        }
    }

    /// Every cut of a real response, and random bytes: an error or a result, never a trap.
    @Test func survivesEveryTruncationAndRandomBytes() {
        let full = Self.dnsmasqAnswer
        for length in 0..<full.count {
            #expect(throws: DNSMessageError.self) { try DNSMessage.parseResponse(Array(full.prefix(length))) }
        }
        var random = SeededGenerator(seed: 7)
        for _ in 0..<20_000 {
            var message = Array(full)
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                message[Int.random(in: 0..<message.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
            }
            _ = try? DNSMessage.parseResponse(message)
            let noise = (0..<Int.random(in: 0...80, using: &random)).map { _ in UInt8.random(in: 0...255, using: &random) }
            _ = try? DNSMessage.parseResponse(noise)
        }
    }
}
