import COpenSSL

/// Comparisons whose running time does not depend on where inputs differ, for
/// secrets such as a server signature, so timing reveals nothing about them.
public enum ConstantTime {
    /// Whether `lhs` and `rhs` are equal. Lengths are compared openly: the length of a
    /// signature is public (it is the hash's output length).
    public static func isEqual(_ lhs: [UInt8], _ rhs: [UInt8]) -> Bool {
        guard lhs.count == rhs.count else { return false }
        guard !lhs.isEmpty else { return true }
        return CRYPTO_memcmp(lhs, rhs, lhs.count) == 0
    }
}
