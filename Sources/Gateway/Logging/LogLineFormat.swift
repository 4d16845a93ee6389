import FoundationEssentials
import Logging
import XMPPIoT

/// How a log event becomes one line of text.
///
/// `journal`: `<6>Gateway: device online device=living-relay jid=gw@example.org/living-relay`
/// — the `<N>` syslog priority prefix lets journald file the line at the right level, and
/// journald adds the time itself. `plain`: the same with an ISO 8601 UTC time and the level
/// word instead of the prefix, for a terminal. Either way one event is one line: line breaks
/// inside a message or value are written as `\n`.
public enum LogLineFormat: Sendable, Hashable {
    case journal
    case plain

    /// Whether stderr is connected to the journal (`JOURNAL_STREAM` names its device and inode).
    public static func forStandardError(environment: (String) -> String? = ProcessEnvironment.value(of:)) -> LogLineFormat {
        JournalStream.isStandardError(environment: environment) ? .journal : .plain
    }

    /// The line for one event (without the trailing newline).
    func line(
        level: Logger.Level, label: String, message: String, metadata: [(key: String, value: String)], time: Date
    ) -> String {
        var line: String
        switch self {
        case .journal:
            line = "<\(level.syslogPriority)>\(label): \(Self.escaped(message))"
        case .plain:
            line = "\(Self.timestamp(time)) \(level.rawValue) \(label): \(Self.escaped(message))"
        }
        for (key, value) in metadata {
            line += " \(key)=\(Self.quotedIfNeeded(value))"
        }
        return line
    }

    static func escaped(_ text: String) -> String {
        guard text.contains(where: { $0.isNewline || $0 == "\t" }) else { return text }
        var result = ""
        for character in text {
            switch character {
            case "\n", "\r\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.append(character)
            }
        }
        return result
    }

    /// A value as `key=value` carries it: quoted when it is empty or holds a space, `"` or `=`
    /// (so the line still splits into pairs), with `"` and `\` escaped inside quotes.
    static func quotedIfNeeded(_ value: String) -> String {
        let escapedValue = escaped(value)
        guard escapedValue.isEmpty || escapedValue.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" }) else {
            return escapedValue
        }
        let inner = escapedValue.replacingScalars("\\", with: "\\\\").replacingScalars("\"", with: "\\\"")
        return "\"\(inner)\""
    }

    private static func timestamp(_ time: Date) -> String {
        XSDateTime.text(time, withMilliseconds: true)
    }
}

extension Logger.Level {
    /// The syslog priority journald reads from a `<N>` prefix (sd-daemon(3)).
    public var syslogPriority: Int {
        switch self {
        case .trace, .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        case .critical: 2
        }
    }
}
