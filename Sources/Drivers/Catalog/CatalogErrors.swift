/// Every `CatalogError` found while loading one or more files, in file and line order.
///
/// Thrown as one error so that a caller (the `check-config` command, a test) can show all of
/// them at once; `description` prints one per line.
public struct CatalogErrors: Error, Sendable, Hashable, CustomStringConvertible {
    public var errors: [CatalogError]

    public init(_ errors: [CatalogError]) {
        self.errors = errors.sorted { lhs, rhs in
            (lhs.location.file, lhs.location.line, lhs.location.column)
                < (rhs.location.file, rhs.location.line, rhs.location.column)
        }
    }

    public var description: String {
        errors.map(\.description).joined(separator: "\n")
    }
}
