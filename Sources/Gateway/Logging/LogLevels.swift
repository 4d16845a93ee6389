import Logging
import Synchronization

/// The log levels in force, shared by every `JournalLogHandler` of the process, so that a
/// reload (SIGHUP) with new `logging:` levels applies to loggers that already exist.
public final class LogLevels: Sendable {
    private let configuration: Mutex<LoggingConfiguration>

    public init(_ configuration: LoggingConfiguration) {
        self.configuration = Mutex(configuration)
    }

    public func update(_ newConfiguration: LoggingConfiguration) {
        configuration.withLock { $0 = newConfiguration }
    }

    public func level(forLabel label: String) -> Logger.Level {
        configuration.withLock { $0.level(forLabel: label) }
    }
}
