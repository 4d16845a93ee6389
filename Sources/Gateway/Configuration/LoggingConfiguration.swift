import Drivers
import Logging

/// How much is logged (`logging:`): a level for every logger, and levels for single modules
/// (`XMPPClient: debug` while chasing a login problem) that override it.
public struct LoggingConfiguration: Sendable, Hashable {
    public var level: Logger.Level
    /// By logger label or label prefix: `XMPPClient` covers `XMPPClient` and `XMPPClient.tls`.
    public var moduleLevels: [String: Logger.Level]

    public static let defaultLevel = Logger.Level.info

    public init(level: Logger.Level = defaultLevel, moduleLevels: [String: Logger.Level] = [:]) {
        self.level = level
        self.moduleLevels = moduleLevels
    }

    static let levelNames = Logger.Level.allCases.map(\.rawValue)

    static let declarations: [SettingDeclaration] = [
        SettingDeclaration("level", .choice(levelNames), default: .string(defaultLevel.rawValue), doc: "The level of every logger."),
        SettingDeclaration("modules", .map(.choice(levelNames)), doc: "Levels of single modules, by logger label."),
    ]

    init(record: SettingsRecord?) {
        var moduleLevels: [String: Logger.Level] = [:]
        if let modules = record?.record("modules") {
            for module in modules.keys {
                moduleLevels[module] = modules.string(module).flatMap(Logger.Level.init(rawValue:))
            }
        }
        self.init(level: record?.string("level").flatMap(Logger.Level.init(rawValue:)) ?? Self.defaultLevel, moduleLevels: moduleLevels)
    }

    /// The level of the logger labelled `label`: its own, else its longest configured
    /// prefix's up to a `.`, else the default.
    public func level(forLabel label: String) -> Logger.Level {
        var candidate = Substring(label)
        while true {
            if let level = moduleLevels[String(candidate)] { return level }
            guard let dot = candidate.lastIndex(of: ".") else { return level }
            candidate = candidate[..<dot]
        }
    }
}
