import Hardware

/// Reads a YAML file into a node tree that keeps every value's line and column.
///
/// Syntax errors (a tab used for indentation, an unclosed quote, a key written twice)
/// become a `CatalogError` at the position libyaml reported.
public enum YAMLDocument {
    /// The root node of `text`; an empty document is an error, since every model and
    /// configuration file needs at least its required keys.
    public static func root(of text: String, file: String) throws(CatalogErrors) -> YAMLNode {
        let node: YAMLNode?
        do {
            node = try YAMLComposer.root(of: text)
        } catch {
            let location = SourceLocation(file: file, line: error.mark?.line ?? 0, column: error.mark?.column ?? 0)
            throw CatalogErrors([CatalogError(location: location, path: .root, problem: .syntax(reason: error.reason))])
        }
        guard let node else {
            throw CatalogErrors([
                .invalid(at: SourceLocation(file: file, line: 1, column: 1), .root, expected: "a mapping", got: "an empty file"),
            ])
        }
        return node
    }

    /// The text of the file at `path`, named `file` in errors.
    public static func text(contentsOf path: String, file: String) throws(CatalogErrors) -> String {
        do {
            return try FileAccess.utf8Text(of: path)
        } catch {
            throw CatalogErrors([CatalogError(
                location: SourceLocation(file: file, line: 0, column: 0), path: .root, problem: .unreadable(reason: error.reason))])
        }
    }
}
