/// Reads a text-line sensor (an Arduino printing `T=21.4;H=40`, a meter's serial console):
/// buffers bytes into lines, matches each against the model's pattern, and converts each
/// named capture into its field's type.
///
/// Bad input costs one line and a count, never a crash: a line that does not match, or a
/// capture that does not convert (`T=nan`), is skipped and counted; the other captures of the
/// line still count.
public struct LineProtocolDriver: Sendable {
    public let configuration: LineProtocolConfiguration
    private var buffer: LineBuffer
    public private(set) var linesMatched = 0
    public private(set) var linesUnmatched = 0
    /// Captures whose text did not convert to their field's type.
    public private(set) var valuesRefused = 0

    public init(configuration: LineProtocolConfiguration) {
        self.configuration = configuration
        buffer = LineBuffer(maximumLength: configuration.maximumLineLength)
    }

    /// The driver for a `line_protocol` model.
    public init(model: DeviceModel) throws(CatalogErrors) {
        var errors: [CatalogError] = []
        let configuration = LineProtocolConfiguration(model: model, errors: &errors)
        guard errors.isEmpty, let configuration else {
            throw CatalogErrors(errors.isEmpty ? [model.driverSettings.invalid("pattern", expected: "a regular expression", got: "none")] : errors)
        }
        self.init(configuration: configuration)
    }

    /// Lines cut off for exceeding the maximum length.
    public var overlongLinesDiscarded: Int {
        buffer.overlongLinesDiscarded
    }

    /// Appends bytes from the port; returns the readings of each matching line completed.
    public mutating func feed(_ bytes: some Sequence<UInt8>) -> [[FieldReading]] {
        buffer.feed(bytes).compactMap { parse(line: $0) }
    }

    /// The readings of one line (without its line ending); `nil` when it does not match.
    public mutating func parse(line: String) -> [FieldReading]? {
        guard let groups = configuration.pattern.namedGroups(matching: line) else {
            linesUnmatched += 1
            return nil
        }
        linesMatched += 1
        var readings: [FieldReading] = []
        for capture in configuration.captures {
            // An optional group that did not take part in the match leaves its field out.
            guard let text = groups[capture.captureName] else { continue }
            guard let value = FieldValue(text: text, type: capture.type, choices: capture.choices) else {
                valuesRefused += 1
                continue
            }
            readings.append(FieldReading(field: capture.field, value: value))
        }
        return readings
    }
}
