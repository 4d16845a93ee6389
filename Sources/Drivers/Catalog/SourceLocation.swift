/// Where something was written: a file and a position in it, 1-based as editors count.
///
/// Every `CatalogError` carries one, so a message can be clicked in an editor or grepped
/// (`Devices/bme280.yaml:12:5`).
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    /// The file as the loader was given it (relative when the caller passed a relative path).
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String {
        "\(file):\(line):\(column)"
    }
}
