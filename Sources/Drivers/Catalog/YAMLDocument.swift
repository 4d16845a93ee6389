import Foundation
import Yams

/// Reads a YAML file into a node tree that keeps every value's line and column.
///
/// Yams' syntax errors (a tab used for indentation, an unclosed quote, a key written twice)
/// become a `CatalogError` at the position libyaml reported.
public enum YAMLDocument {
    /// The root node of `text`; an empty document is an error, since every model and
    /// configuration file needs at least its required keys.
    public static func root(of text: String, file: String) throws(CatalogErrors) -> Node {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw CatalogErrors([syntaxError(error, file: file)])
        } catch {
            throw CatalogErrors([unreadable(file, reason: "\(error)")])
        }
        guard let node else {
            throw CatalogErrors([
                .invalid(at: SourceLocation(file: file, line: 1, column: 1), .root, expected: "a mapping", got: "an empty file"),
            ])
        }
        return node
    }

    /// The text of the file at `url`, named `file` in errors.
    public static func text(contentsOf url: URL, file: String) throws(CatalogErrors) -> String {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            throw CatalogErrors([unreadable(file, reason: error.localizedDescription)])
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CatalogErrors([unreadable(file, reason: "not UTF-8 text")])
        }
        return text
    }

    private static func unreadable(_ file: String, reason: String) -> CatalogError {
        CatalogError(location: SourceLocation(file: file, line: 0, column: 0), path: .root, problem: .unreadable(reason: reason))
    }

    private static func syntaxError(_ error: YamlError, file: String) -> CatalogError {
        let (mark, reason): (Mark?, String) =
            switch error {
            case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
                let .composer(context, problem, mark, _):
                (mark, [context?.text, problem].compactMap { $0 }.joined(separator: ": "))
            case let .duplicatedKeysInMapping(duplicates, context):
                (context.mark, "key written twice: " + duplicates.joined(separator: ", "))
            case let .reader(problem, _, _, _):
                (nil, problem)
            default:
                (nil, "\(error)")
            }
        return CatalogError(
            location: SourceLocation(file: file, line: mark?.line ?? 0, column: mark?.column ?? 0),
            path: .root,
            problem: .syntax(reason: reason)
        )
    }
}
