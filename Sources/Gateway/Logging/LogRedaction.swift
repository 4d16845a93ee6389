import Logging
import Synchronization

/// The rule that keeps secrets out of log lines, applied by `JournalLogHandler` to every
/// message and metadata value before it is written:
///
/// - a metadata value under a key that names a secret (`password`, `secret`, `token`, in any
///   case and as part of a longer key such as `password_file_text`) is replaced as a whole;
/// - every registered secret (the account password once read) is replaced wherever it
///   appears, in the message or any metadata value, so a library that echoes it in an error
///   text does not leak it either.
///
/// Shared by all loggers of the process; secrets may be registered after logging started
/// (the password is read after the configuration, which is logged about).
public final class LogRedaction: Sendable {
    public static let placeholder = "<redacted>"
    static let sensitiveKeyWords = ["password", "secret", "token"]

    private let secrets = Mutex<Set<String>>([])

    public init(secrets: [String] = []) {
        register(secrets)
    }

    /// Adds secrets to hide from now on; empty strings are ignored (they occur everywhere).
    public func register(_ newSecrets: [String]) {
        secrets.withLock { $0.formUnion(newSecrets.filter { !$0.isEmpty }) }
    }

    public func register(_ secret: String) {
        register([secret])
    }

    /// `text` with every registered secret replaced.
    public func redact(_ text: String) -> String {
        let current = secrets.withLock { $0 }
        guard !current.isEmpty else { return text }
        var result = text
        // Longest first, so a secret containing another is replaced whole.
        for secret in current.sorted(by: { $0.count > $1.count }) {
            result = result.replacingScalars(secret, with: Self.placeholder)
        }
        return result
    }

    /// Whether values under `key` are secret whatever they hold.
    public static func isSensitive(key: String) -> Bool {
        let lowered = key.lowercased()
        return sensitiveKeyWords.contains { lowered.containsScalars($0) }
    }

    /// `value` as it may be logged under `key`.
    func redact(_ value: Logger.MetadataValue, key: String) -> Logger.MetadataValue {
        if Self.isSensitive(key: key) { return .string(Self.placeholder) }
        switch value {
        case let .string(text): return .string(redact(text))
        case let .stringConvertible(convertible): return .string(redact(convertible.description))
        case let .array(values): return .array(values.map { redact($0, key: key) })
        case let .dictionary(values): return .dictionary(Dictionary(uniqueKeysWithValues: values.map { ($0, redact($1, key: $0)) }))
        }
    }
}
