import Glibc

extension String {
    /// `format` filled in by the C library's `vsnprintf`. NMEA sentences and sysfs files are
    /// columns of zero-padded integers and fixed decimals (`%03ld`, `%09.6f`, `%02X`), which
    /// is what printf's conversions write; FoundationEssentials has no `String(format:)`.
    init(cFormat format: String, _ arguments: any CVarArg...) {
        let length = Swift.max(0, Int(withVaList(arguments) { vsnprintf(nil, 0, format, $0) }))
        var bytes = [CChar](repeating: 0, count: length + 1)
        _ = withVaList(arguments) { vsnprintf(&bytes, bytes.count, format, $0) }
        self = String(decoding: bytes.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
