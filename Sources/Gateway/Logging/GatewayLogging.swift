import Logging

/// Sets up swift-log for the whole process: every logger gets a `JournalLogHandler` with the
/// level `levels` gives its label, the line format chosen by where stderr goes, and the
/// shared `redaction`.
public enum GatewayLogging {
    /// The handler factory `LoggingSystem.bootstrap` takes; separate so it can be tested
    /// (swift-log allows one bootstrap per process).
    public static func handlerFactory(
        levels: LogLevels,
        redaction: LogRedaction,
        format: LogLineFormat,
        output: @escaping @Sendable (String) -> Void = JournalLogHandler.writeToStandardError
    ) -> @Sendable (String) -> any LogHandler {
        { label in
            JournalLogHandler(label: label, levels: levels, format: format, redaction: redaction, output: output)
        }
    }

    /// Bootstraps swift-log; call once, before the first logger is made. Later changes to
    /// `levels` (a reload) and secrets registered with `redaction` apply to every logger.
    public static func bootstrap(
        levels: LogLevels,
        redaction: LogRedaction,
        environment: (String) -> String? = ProcessEnvironment.value(of:)
    ) {
        LoggingSystem.bootstrap(
            handlerFactory(levels: levels, redaction: redaction, format: .forStandardError(environment: environment))
        )
    }
}
