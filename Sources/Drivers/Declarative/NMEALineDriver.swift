/// Reads an NMEA 0183 GPS receiver: the line machinery cuts the stream into sentences, and the
/// GGA and RMC decoders turn the configured sentence types into fields.
///
/// Sentences of other types (GSV, GSA, VTG, …) are counted and ignored; a sentence with a bad
/// checksum or garbled fields is counted as refused. Only the model's fields are returned.
public struct NMEALineDriver: Sendable {
    /// Sentence types decoded (the three letters after the talker).
    public let sentenceTypes: Set<String>
    /// The fields to return; `nil` returns all.
    public let fields: Set<String>?
    private var buffer: LineBuffer
    public private(set) var sentencesDecoded = 0
    public private(set) var sentencesRefused = 0
    public private(set) var sentencesIgnored = 0

    /// NMEA limits a sentence to 82 characters; some receivers exceed it a little.
    public static let maximumLineLength = 128

    public init(sentenceTypes: Set<String> = ["GGA", "RMC"], fields: Set<String>? = nil) {
        self.sentenceTypes = sentenceTypes
        self.fields = fields
        buffer = LineBuffer(maximumLength: Self.maximumLineLength)
    }

    /// The driver for an `nmea` model: its `sentences` setting and its fields.
    public init(model: DeviceModel) {
        let types = model.driverSettings.strings("sentences")
        self.init(sentenceTypes: Set(types.isEmpty ? ["GGA", "RMC"] : types), fields: Set(model.fields.map(\.name)))
    }

    public var overlongLinesDiscarded: Int {
        buffer.overlongLinesDiscarded
    }

    /// Appends bytes from the port; returns the readings of each decoded sentence.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [[FieldReading]] {
        buffer.feed(bytes).compactMap { parse(line: $0) }
    }

    /// The readings of one sentence; `nil` when it is refused or of a type not configured.
    public mutating func parse(line: String) -> [FieldReading]? {
        let readings: [FieldReading]
        do {
            let sentence = try NMEASentence(line: line)
            guard sentenceTypes.contains(sentence.type) else {
                sentencesIgnored += 1
                return nil
            }
            switch sentence.type {
            case "GGA":
                let gga = try GGASentence(sentence)
                readings = Self.readings(gga.measurements)
                    + [FieldReading(field: "fix_quality", value: .integer(gga.fixQuality.rawValue))]
            case "RMC":
                readings = Self.readings(try RMCSentence(sentence).measurements)
            default:
                sentencesIgnored += 1
                return nil
            }
        } catch {
            sentencesRefused += 1
            return nil
        }
        sentencesDecoded += 1
        return readings.filter { fields?.contains($0.field) ?? true }
    }

    /// Satellites are a count; everything else a decimal number.
    private static func readings(_ values: [MeasuredValue]) -> [FieldReading] {
        values.map { value in
            let number: FieldValue = value.unit == .count ? .integer(Int(value.value)) : .number(value.value)
            return FieldReading(field: value.field, value: number)
        }
    }
}
