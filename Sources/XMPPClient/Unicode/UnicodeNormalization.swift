import CUTF8Proc
import Glibc

/// The Unicode normalisation forms XMPP's string profiles ask for, from utf8proc: NFC for
/// the parts of an address (RFC 7622), NFKC for SASLprep (RFC 4013).
///
/// utf8proc is a small C library with its tables in read-only data; Foundation's
/// normalisation would have brought ICU into the process for the few non-ASCII strings
/// that need it.
enum UnicodeNormalization {
    static func nfc(_ text: String) -> String {
        normalize(text, compatibility: false)
    }

    static func nfkc(_ text: String) -> String {
        normalize(text, compatibility: true)
    }

    /// A Swift string is valid UTF-8, so utf8proc can only fail for want of memory; the
    /// text then goes on as it is.
    private static func normalize(_ text: String, compatibility: Bool) -> String {
        var text = text
        return text.withUTF8 { bytes in
            var result: UnsafeMutablePointer<UInt8>?
            defer { free(result) }
            let length = cutf8proc_normalize(bytes.baseAddress, bytes.count, compatibility ? 1 : 0, &result)
            guard length >= 0, let result else { return String(decoding: bytes, as: UTF8.self) }
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }
}
