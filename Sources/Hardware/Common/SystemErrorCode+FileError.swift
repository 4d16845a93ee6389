import FoundationEssentials

extension SystemErrorCode {
    /// Why a file could not be read or listed, in the C library's words ("No such file or
    /// directory"). FoundationEssentials' file errors carry the `errno` as their underlying
    /// POSIX error but no words of their own: those come with the full Foundation, which
    /// the gateway does not link.
    public static func reason(ofFileError error: any Error) -> String {
        guard let posix = (error as? CocoaError)?.underlying as? POSIXError else { return "\(error)" }
        return SystemErrorCode(posix.code.rawValue).reason
    }
}
