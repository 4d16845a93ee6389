/// The little of the DNS wire format (RFC 1035 §4) that SRV lookups need: building a
/// query, and reading the SRV records of a response. A pure parser over bytes from the
/// network: any malformed input ends in a ``DNSMessageError``, never a trap.
enum DNSMessage {
    static let srvType: UInt16 = 33
    static let internetClass: UInt16 = 1

    /// A response: its header fields and the SRV records among its answers.
    struct Response: Sendable, Equatable {
        var id: UInt16
        /// TC: the answer did not fit the datagram.
        var isTruncated: Bool
        /// RCODE: 0 no error, 3 no such name (NXDOMAIN), others a server fault.
        var responseCode: UInt8
        var srvRecords: [SRVRecord]
    }

    /// A recursive query (RD set) for one name and type, class IN.
    static func query(id: UInt16, name: String, type: UInt16) throws(DNSMessageError) -> [UInt8] {
        var bytes: [UInt8] = []
        append(id, to: &bytes)
        append(0x0100, to: &bytes)   // standard query, recursion desired
        append(1, to: &bytes)        // one question
        bytes += [0, 0, 0, 0, 0, 0]  // no answer, authority or additional records
        bytes += try encodedName(name)
        append(type, to: &bytes)
        append(internetClass, to: &bytes)
        return bytes
    }

    static func encodedName(_ name: String) throws(DNSMessageError) -> [UInt8] {
        let trimmed = name.hasSuffix(".") ? String(name.dropLast()) : name
        var bytes: [UInt8] = []
        for label in trimmed.split(separator: ".", omittingEmptySubsequences: false) {
            let utf8 = Array(label.utf8)
            guard (1...63).contains(utf8.count) else { throw .invalidQueryName(name) }
            bytes.append(UInt8(utf8.count))
            bytes += utf8
        }
        bytes.append(0)
        guard bytes.count <= 255 else { throw .invalidQueryName(name) }
        return bytes
    }

    static func parseResponse(_ bytes: [UInt8]) throws(DNSMessageError) -> Response {
        var reader = Reader(bytes: bytes)
        let id = try reader.uint16()
        let flags = try reader.uint16()
        guard flags & 0x8000 != 0 else { throw .notAResponse }
        let questions = try reader.uint16()
        let answers = try reader.uint16()
        reader.offset += 4   // authority and additional counts: not read
        for _ in 0..<questions {
            _ = try reader.name()
            try reader.skip(4)   // type, class
        }
        var records: [SRVRecord] = []
        for _ in 0..<answers {
            _ = try reader.name()
            let type = try reader.uint16()
            let recordClass = try reader.uint16()
            try reader.skip(4)   // TTL: each lookup asks again, nothing is cached
            let length = Int(try reader.uint16())
            let end = reader.offset + length
            guard end <= bytes.count else { throw .truncated(offset: reader.offset) }
            if type == srvType, recordClass == internetClass {
                guard length >= 7 else { throw .badRecordLength(type: type, length: length) }
                let priority = try reader.uint16()
                let weight = try reader.uint16()
                let port = try reader.uint16()
                let target = try reader.name()
                guard reader.offset == end else { throw .badRecordLength(type: type, length: length) }
                records.append(SRVRecord(priority: priority, weight: weight, port: port, target: target))
            }
            reader.offset = end
        }
        return Response(id: id, isTruncated: flags & 0x0200 != 0, responseCode: UInt8(flags & 0x000F), srvRecords: records)
    }

    private static func append(_ value: UInt16, to bytes: inout [UInt8]) {
        bytes.append(UInt8(value >> 8))
        bytes.append(UInt8(value & 0xFF))
    }

    /// A cursor over the message; every read checks the bounds.
    private struct Reader {
        let bytes: [UInt8]
        var offset = 0

        mutating func skip(_ count: Int) throws(DNSMessageError) {
            guard offset + count <= bytes.count else { throw .truncated(offset: offset) }
            offset += count
        }

        mutating func uint16() throws(DNSMessageError) -> UInt16 {
            guard offset + 2 <= bytes.count else { throw .truncated(offset: offset) }
            defer { offset += 2 }
            return UInt16(bytes[offset]) << 8 | UInt16(bytes[offset + 1])
        }

        /// A possibly compressed name, dotted, without the trailing dot ("." for the root).
        /// Pointers must point backwards (RFC 1035 §4.1.4 only allows earlier names), which
        /// also rules out loops.
        mutating func name() throws(DNSMessageError) -> String {
            var labels: [String] = []
            var length = 1
            var position = offset
            var resumeAt: Int?
            while true {
                guard position < bytes.count else { throw .truncated(offset: position) }
                let byte = bytes[position]
                switch byte & 0xC0 {
                case 0xC0:
                    guard position + 1 < bytes.count else { throw .truncated(offset: position) }
                    let target = Int(byte & 0x3F) << 8 | Int(bytes[position + 1])
                    guard target < position else { throw .badCompressionPointer(offset: position) }
                    if resumeAt == nil { resumeAt = position + 2 }
                    position = target
                case 0x00:
                    let count = Int(byte)
                    if count == 0 {
                        offset = resumeAt ?? position + 1
                        return labels.isEmpty ? "." : labels.joined(separator: ".")
                    }
                    guard position + 1 + count <= bytes.count else { throw .truncated(offset: position) }
                    let label = bytes[(position + 1)...(position + count)]
                    length += count + 1
                    // Host names, and the underscore labels of service names: printable
                    // ASCII without the dot that would split the label.
                    guard length <= 255, label.allSatisfy({ (0x21...0x7E).contains($0) && $0 != 0x2E }) else {
                        throw .invalidName(offset: position)
                    }
                    labels.append(String(decoding: label, as: UTF8.self))
                    position += count + 1
                default:
                    throw .unsupportedLabelType(offset: position)
                }
            }
        }
    }
}
