import Glibc

/// One datagram to an AF_UNIX socket named by a path or, with a leading `@`, by an abstract
/// name (Linux: the name starts with a NUL byte and is not NUL-terminated).
enum UnixDatagram {
    static func send(_ bytes: [UInt8], to name: String) throws(SystemdNotifyError) {
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var path = Array(name.utf8)
        let isAbstract = path.first == UInt8(ascii: "@")
        if isAbstract {
            path[0] = 0
        }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard isAbstract || path.first == UInt8(ascii: "/"), path.count > 1,
            path.count + (isAbstract ? 0 : 1) <= capacity
        else { throw .invalidSocketAddress(name) }
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: path)
        }
        // Abstract names are exactly as long as given; a path is NUL-terminated (zeroed above).
        let length = socklen_t((MemoryLayout<sockaddr_un>.offset(of: \.sun_path) ?? MemoryLayout<sa_family_t>.size) + path.count + (isAbstract ? 0 : 1))

        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw .sendFailed(socket: name, errno: errno) }
        defer { close(descriptor) }
        let sent = bytes.withUnsafeBytes { buffer in
            withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL), $0, length)
                }
            }
        }
        guard sent == bytes.count else { throw .sendFailed(socket: name, errno: errno) }
    }
}
