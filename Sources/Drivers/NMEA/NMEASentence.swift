/// One NMEA 0183 sentence, `$<talker><type>,<fields>*<checksum>`, with its checksum verified.
///
/// The typed sentences (`GGASentence`, `RMCSentence`) read their fields through it.
public struct NMEASentence: Sendable, Hashable {
    /// Two letters: GP (GPS), GL (GLONASS), GA (Galileo), GN (several constellations).
    public var talker: String
    /// Three letters: GGA, RMC, …
    public var type: String
    /// The fields after the address, empty where the receiver had nothing to say.
    public var fields: [String]

    /// Parses one line, with or without its CR LF.
    public init(line: String) throws(DriverError) {
        let text = line.trimmed
        guard text.first == "$" else {
            throw .malformed(sensor: .nmea, reason: "sentence does not start with $")
        }
        guard text.allSatisfy(\.isASCII) else {
            throw .malformed(sensor: .nmea, reason: "non-ASCII character in sentence")
        }
        guard let star = text.lastIndex(of: "*") else {
            throw .truncated(sensor: .nmea, expected: 3, got: 0)
        }
        let body = text[text.index(after: text.startIndex)..<star]
        let checksumText = text[text.index(after: star)...]
        guard checksumText.count == 2 else {
            throw .truncated(sensor: .nmea, expected: 2, got: checksumText.count)
        }
        guard let received = UInt8(checksumText, radix: 16) else {
            throw .malformed(sensor: .nmea, reason: "checksum \"\(checksumText)\" is not two hex digits")
        }
        let computed = Self.checksum(body)
        guard computed == received else {
            throw .badChecksum(sensor: .nmea, expected: UInt16(computed), actual: UInt16(received))
        }
        let parts = body.split(separator: ",", omittingEmptySubsequences: false)
        let address = parts[0]
        guard address.count == 5, address.allSatisfy({ $0.isUppercase || $0.isNumber }) else {
            throw .malformed(sensor: .nmea, reason: "address \"\(address)\" is not a talker and a sentence type")
        }
        talker = String(address.prefix(2))
        type = String(address.suffix(3))
        fields = parts.dropFirst().map(String.init)
    }

    /// XOR of every character between `$` and `*`.
    public static func checksum(_ body: some StringProtocol) -> UInt8 {
        body.utf8.reduce(0, ^)
    }

    /// Refuses a sentence of another type or with fewer than `count` fields.
    func require(type expected: String, fields count: Int) throws(DriverError) {
        guard type == expected else {
            throw .malformed(sensor: .nmea, reason: "expected a \(expected) sentence, got \(type)")
        }
        guard fields.count >= count else {
            throw .truncated(sensor: .nmea, expected: count, got: fields.count)
        }
    }

    /// The decimal number in field `index`; `nil` when the field is empty.
    func decimal(at index: Int, named name: String) throws(DriverError) -> Double? {
        let text = fields[index]
        guard !text.isEmpty else { return nil }
        guard let value = Double(decimalText: text) else {
            throw .malformed(sensor: .nmea, reason: "\(name) \"\(text)\" is not a number")
        }
        return value
    }

    /// A latitude (`ddmm.mmmm`, N/S) or longitude (`dddmm.mmmm`, E/W) in signed decimal degrees
    /// from the value in field `index` and the hemisphere after it; `nil` when both are empty.
    func coordinate(at index: Int, latitude: Bool) throws(DriverError) -> Double? {
        let name = latitude ? "latitude" : "longitude"
        let (text, hemisphere) = (fields[index], fields[index + 1])
        if text.isEmpty, hemisphere.isEmpty { return nil }
        let degreeDigits = latitude ? 2 : 3
        // Degrees and minutes are split in the text, not by arithmetic, so "4807.038" gives
        // exactly 7.038 minutes.
        let integerDigits = text.prefix { $0 != "." }
        guard integerDigits.count == degreeDigits + 2, integerDigits.allSatisfy({ ("0"..."9").contains($0) }),
            let degrees = Double(decimalText: text.prefix(degreeDigits)),
            let minutes = Double(decimalText: text.dropFirst(degreeDigits))
        else {
            throw .malformed(sensor: .nmea, reason: "\(name) \"\(text)\" is not \(latitude ? "ddmm.mmmm" : "dddmm.mmmm")")
        }
        let limit = latitude ? 90.0 : 180.0
        let signs: [String: Double] = latitude ? ["N": 1, "S": -1] : ["E": 1, "W": -1]
        guard let sign = signs[hemisphere] else {
            throw .malformed(sensor: .nmea, reason: "\(name) hemisphere \"\(hemisphere)\"")
        }
        guard minutes < 60 else {
            throw .malformed(sensor: .nmea, reason: "\(name) \"\(text)\" has \(minutes) minutes")
        }
        return sign * (try (-limit...limit).admitting(degrees + minutes / 60, field: name, sensor: .nmea))
    }
}
