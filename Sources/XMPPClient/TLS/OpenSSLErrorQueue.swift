import COpenSSL

/// What was on this thread's OpenSSL error queue, taken off it.
///
/// The queue is per thread, and one event-loop thread serves every session, so each
/// failing call must empty it: otherwise the next session's failure would report a
/// stale cause.
struct OpenSSLErrorQueue {
    /// OpenSSL's reason codes (`SSL_R_…`), oldest first.
    let reasons: [Int32]
    /// The entries in words, oldest first, joined by "; ".
    let text: String

    /// Empties the queue before a call whose failure is to be explained.
    static func clear() {
        ERR_clear_error()
    }

    /// Empties the queue into a value.
    static func drain() -> OpenSSLErrorQueue {
        var reasons: [Int32] = []
        var messages: [String] = []
        var data: UnsafePointer<CChar>?
        var flags: Int32 = 0
        while case let code = ERR_get_error_all(nil, nil, nil, &data, &flags), code != 0 {
            reasons.append(ERR_GET_REASON(code))
            var message = reasonText(code)
            if flags & ERR_TXT_STRING != 0, let data, data.pointee != 0 {
                message += " (\(String(cString: data)))"
            }
            messages.append(message)
        }
        return OpenSSLErrorQueue(reasons: reasons, text: messages.isEmpty ? "no error reported" : messages.joined(separator: "; "))
    }

    private static func reasonText(_ code: UInt) -> String {
        if let reason = ERR_reason_error_string(code) {
            return String(cString: reason)
        }
        var buffer = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &buffer, buffer.count)
        return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
