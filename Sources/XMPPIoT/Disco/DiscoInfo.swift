import XMPPClient

/// A XEP-0030 disco#info answer: identities, features and XEP-0128 extension forms, and
/// the XEP-0115 verification string and hash computed from exactly that content.
public struct DiscoInfo: Sendable, Hashable {
    /// The queried node, echoed (`<caps node>#<ver>` or a command node).
    public var node: String?
    public var identities: [DiscoIdentity]
    public var features: [String]
    public var forms: [DataForm]

    public init(node: String? = nil, identities: [DiscoIdentity], features: [String], forms: [DataForm] = []) {
        self.node = node
        self.identities = identities
        self.features = features
        self.forms = forms
    }

    /// The answer for a session offering `offered`, features sorted.
    public init(node: String? = nil, identities: [DiscoIdentity], offering offered: [IoTFeature], forms: [DataForm] = []) {
        let features = Set(offered.flatMap(\.discoFeatures)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        self.init(node: node, identities: identities, features: features, forms: forms)
    }

    public init(_ element: XMLElement) throws(IoTRequestError) {
        guard element.name == "query", element.namespace == IoTNamespace.discoInfo else {
            throw .badRequest("Expected <query xmlns='\(IoTNamespace.discoInfo)'>.")
        }
        var forms: [DataForm] = []
        for form in element.elements("x", namespace: IoTNamespace.dataForms) { forms.append(try DataForm(form)) }
        self.init(node: element.attribute("node"),
                  identities: element.elements("identity", namespace: IoTNamespace.discoInfo).map(DiscoIdentity.init),
                  features: element.elements("feature", namespace: IoTNamespace.discoInfo).compactMap { $0.attribute("var") },
                  forms: forms)
    }

    public var element: XMLElement {
        let namespace = IoTNamespace.discoInfo
        let children = identities.map(\.element)
            + features.map { XMLElement.make("feature", namespace, [("var", $0)]) }
            + forms.map(\.element)
        return .make("query", namespace, node.map { [("node", $0)] } ?? [], children)
    }

    /// XEP-0115 §5.1 string S: identities, features, then forms, each sorted byte-wise.
    public var capsVerificationString: String {
        var text = ""
        for identity in identities.sorted(by: { Self.identityOrder($0, $1) }) { text += identity.capsText + "<" }
        for feature in features.sorted(by: Self.byteOrder) { text += feature + "<" }
        let typedForms = forms.compactMap { form in form.formType.map { (formType: $0, form: form) } }
        for (formType, form) in typedForms.sorted(by: { Self.byteOrder($0.formType, $1.formType) }) {
            text += formType + "<"
            let fields = form.fields.filter { $0.variable != "FORM_TYPE" }
            for field in fields.sorted(by: { Self.byteOrder($0.variable ?? "", $1.variable ?? "") }) {
                text += (field.variable ?? "") + "<"
                for value in field.values.sorted(by: Self.byteOrder) { text += value + "<" }
            }
        }
        return text
    }

    /// The `ver` of XEP-0115: base64 of the SHA-1 of ``capsVerificationString``.
    public func capsHash() throws(CryptoError) -> String {
        Base64.encode(try HashFunction.sha1.digest(Array(capsVerificationString.utf8)))
    }

    /// Whether a receiver may cache this answer under its hash: no duplicate identities
    /// or features, every extension form with exactly one FORM_TYPE.
    public var isCacheableForCaps: Bool {
        let identityKeys = identities.map(\.capsText)
        return Set(identityKeys).count == identityKeys.count && Set(features).count == features.count
            && forms.allSatisfy { form in form.fields.filter { $0.variable == "FORM_TYPE" }.count == 1 }
    }

    private static func byteOrder(_ left: String, _ right: String) -> Bool {
        left.utf8.lexicographicallyPrecedes(right.utf8)
    }

    private static func identityOrder(_ left: DiscoIdentity, _ right: DiscoIdentity) -> Bool {
        let leftKey = [left.category, left.type, left.language ?? ""]
        let rightKey = [right.category, right.type, right.language ?? ""]
        for (a, b) in zip(leftKey, rightKey) where a != b { return byteOrder(a, b) }
        return false
    }
}
