/// The way from a file's top-level mapping to one value, written as a person would look it
/// up: `fields[2].range`, `driver.registers[0].type`.
public struct SettingPath: Sendable, Hashable, CustomStringConvertible {
    /// One step: a key of a mapping or a 0-based position in a list.
    public enum Step: Sendable, Hashable {
        case key(String)
        case index(Int)
    }

    public var steps: [Step]

    public init(_ steps: [Step] = []) {
        self.steps = steps
    }

    /// The top-level mapping itself.
    public static let root = SettingPath()

    public func appending(_ key: String) -> SettingPath {
        SettingPath(steps + [.key(key)])
    }

    public func appending(index: Int) -> SettingPath {
        SettingPath(steps + [.index(index)])
    }

    public var description: String {
        guard !steps.isEmpty else { return "(top level)" }
        var text = ""
        for step in steps {
            switch step {
            case let .key(key): text += text.isEmpty ? key : "." + key
            case let .index(index): text += "[\(index)]"
            }
        }
        return text
    }
}
