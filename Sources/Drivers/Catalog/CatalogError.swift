/// One thing wrong in a device model file or a configuration file, with what a person needs
/// to fix it: the file, line and column, the key path, and what was expected.
///
/// Loading never stops at the first of these: the loader collects every one it can find and
/// throws them together as `CatalogErrors`, so one edit-and-retry round fixes them all.
public struct CatalogError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What is wrong at `path`.
    public enum Problem: Sendable, Hashable {
        /// The file could not be read at all (missing, unreadable, not UTF-8).
        case unreadable(reason: String)
        /// The text is not YAML (a tab for indentation, an unclosed quote, a duplicate key).
        case syntax(reason: String)
        /// A required key is absent.
        case missingKey(expected: String)
        /// A key no declaration names; `suggestion` is a declared key it is close to.
        case unknownKey(suggestion: String?)
        /// A value of the wrong type, outside its range or not one of its choices.
        case invalidValue(expected: String, got: String)
    }

    public var location: SourceLocation
    public var path: SettingPath
    public var problem: Problem

    public init(location: SourceLocation, path: SettingPath, problem: Problem) {
        self.location = location
        self.path = path
        self.problem = problem
    }

    /// Shorthand for the most common problem, `invalidValue`.
    public static func invalid(
        at location: SourceLocation, _ path: SettingPath, expected: String, got: String
    ) -> CatalogError {
        CatalogError(location: location, path: path, problem: .invalidValue(expected: expected, got: got))
    }

    public var description: String {
        let subject = "\(location): \(path)"
        switch problem {
        case let .unreadable(reason):
            return "\(location.file): cannot read: \(reason)"
        case let .syntax(reason):
            return "\(location): not valid YAML: \(reason)"
        case let .missingKey(expected):
            return "\(subject): missing, expected \(expected)"
        case let .unknownKey(suggestion):
            return "\(subject): unknown key" + (suggestion.map { ", did you mean \"\($0)\"?" } ?? "")
        case let .invalidValue(expected, got):
            return "\(subject): expected \(expected), got \(got)"
        }
    }
}
