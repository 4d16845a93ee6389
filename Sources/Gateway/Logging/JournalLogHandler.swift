import FoundationEssentials
import Glibc
import Logging

/// The gateway's swift-log handler: one line per event on stderr (or any `output`), in the
/// journal's format when stderr is the journal, with the logger's label as the module, the
/// metadata as sorted `key=value` pairs, and secrets redacted by `LogRedaction`.
public struct JournalLogHandler: LogHandler {
    public var metadata: Logger.Metadata = [:]
    public var metadataProvider: Logger.MetadataProvider?
    public let label: String
    private let levels: LogLevels
    /// A level set on this logger itself (`logger.logLevel = …`), which wins over `levels`.
    private var ownLevel: Logger.Level?
    private let format: LogLineFormat
    private let redaction: LogRedaction
    private let output: @Sendable (String) -> Void
    private let now: @Sendable () -> Date

    /// - Parameters:
    ///   - output: receives each line without its newline; by default it is written to stderr.
    ///   - now: the time of plain-format lines.
    public init(
        label: String,
        levels: LogLevels,
        format: LogLineFormat,
        redaction: LogRedaction,
        metadataProvider: Logger.MetadataProvider? = nil,
        output: @escaping @Sendable (String) -> Void = JournalLogHandler.writeToStandardError,
        now: @escaping @Sendable () -> Date = Date.init
    ) {
        self.label = label
        self.levels = levels
        self.format = format
        self.redaction = redaction
        self.metadataProvider = metadataProvider
        self.output = output
        self.now = now
    }

    /// The configured level of the label, looked up on every call so that a reload applies.
    public var logLevel: Logger.Level {
        get { ownLevel ?? levels.level(forLabel: label) }
        set { ownLevel = newValue }
    }

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var merged = metadata
        if let provided = metadataProvider?.get() {
            merged.merge(provided) { _, new in new }
        }
        if let eventMetadata = event.metadata {
            merged.merge(eventMetadata) { _, new in new }
        }
        let pairs = merged.keys.sorted().map { key in
            (key: key, value: Self.text(of: redaction.redact(merged[key] ?? .string(""), key: key)))
        }
        output(format.line(
            level: event.level, label: label, message: redaction.redact(event.message.description), metadata: pairs, time: now()
        ))
    }

    private static func text(of value: Logger.MetadataValue) -> String {
        switch value {
        case let .string(text): text
        case let .stringConvertible(convertible): convertible.description
        case let .array(values): "[" + values.map(text(of:)).joined(separator: ", ") + "]"
        case let .dictionary(values):
            "{" + values.keys.sorted().map { "\($0): \(text(of: values[$0] ?? .string("")))" }.joined(separator: ", ") + "}"
        }
    }

    /// Writes `line` and a newline to stderr in one `write`, so lines of concurrent loggers
    /// never interleave.
    public static let writeToStandardError: @Sendable (String) -> Void = { line in
        let bytes = Array((line + "\n").utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(STDERR_FILENO, $0.baseAddress, $0.count) }
            if written < 0, errno == EINTR { continue }
            // Nowhere to report a failing stderr: the line is dropped.
            guard written > 0 else { return }
            offset += written
        }
    }
}
