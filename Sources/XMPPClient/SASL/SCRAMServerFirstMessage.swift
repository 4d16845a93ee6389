/// The server's first SCRAM message: `r=<nonce>,s=<salt>,i=<iterations>` (RFC 5802 §5.1).
///
/// This checks the syntax only; whether the nonce extends ours and whether the iteration
/// count is acceptable is the client's judgement.
struct SCRAMServerFirstMessage: Hashable {
    /// The message as received, which enters the AuthMessage byte for byte.
    var text: String
    var nonce: String
    var salt: [UInt8]
    var iterations: Int

    init(parsing message: [UInt8]) throws(SASLError) {
        text = try SCRAMAttribute.text(of: message)
        var attributes = try SCRAMAttribute.parse(text)[...]
        if let first = attributes.first, first.name == "m" {
            throw .mandatoryExtensionNotSupported(String(first.value))
        }
        // The grammar fixes the order — r, s, i, then optional extensions, which RFC 5802
        // says to ignore.
        func next(_ name: Character) throws(SASLError) -> Substring {
            guard let attribute = attributes.popFirst(), attribute.name == name else {
                throw .missingAttribute(name)
            }
            return attribute.value
        }
        let nonceText = try next("r")
        let saltText = try next("s")
        let iterationText = try next("i")

        // printable = %x21-2B / %x2D-7E: what the client can safely echo back.
        guard !nonceText.isEmpty, nonceText.utf8.allSatisfy({ (0x21 ... 0x7E).contains($0) }) else {
            throw .invalidServerNonce(String(nonceText))
        }
        nonce = String(nonceText)

        guard let salt = Base64.decode(saltText), !salt.isEmpty else {
            throw .invalidSalt(String(saltText))
        }
        self.salt = salt

        guard !iterationText.isEmpty,
              iterationText.utf8.allSatisfy({ (UInt8(ascii: "0") ... UInt8(ascii: "9")).contains($0) }),
              let iterations = Int(iterationText)
        else {
            throw .invalidIterationCount(String(iterationText))
        }
        self.iterations = iterations
    }
}
