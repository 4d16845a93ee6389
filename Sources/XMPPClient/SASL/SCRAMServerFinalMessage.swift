/// The server's last SCRAM message: its signature `v=…`, or an error `e=…` (RFC 5802 §5.1).
enum SCRAMServerFinalMessage: Hashable {
    case verifier([UInt8])
    case error(String)

    init(parsing message: [UInt8]) throws(SASLError) {
        let text = try SCRAMAttribute.text(of: message)
        // Extensions may follow the first attribute; RFC 5802 says to ignore them.
        guard let first = try SCRAMAttribute.parse(text).first else {
            throw .malformedServerMessage("empty server-final message")
        }
        switch first.name {
        case "e":
            self = .error(String(first.value))
        case "v":
            guard let signature = Base64.decode(first.value), !signature.isEmpty else {
                throw .invalidServerSignature(String(first.value))
            }
            self = .verifier(signature)
        default:
            throw .malformedServerMessage("server-final starts with \(first.name)= instead of v= or e=")
        }
    }
}
