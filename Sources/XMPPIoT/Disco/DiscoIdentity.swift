import XMPPClient

/// A XEP-0030 identity: `<identity category type [xml:lang] [name]/>`.
public struct DiscoIdentity: Sendable, Hashable {
    public var category: String
    public var type: String
    public var name: String?
    public var language: String?

    public init(category: String, type: String, name: String? = nil, language: String? = nil) {
        self.category = category
        self.type = type
        self.name = name
        self.language = language
    }

    /// What our devices and hub are: an automated client (brief §6.3; no IoT identity exists).
    public static func bot(name: String) -> DiscoIdentity { DiscoIdentity(category: "client", type: "bot", name: name) }

    init(_ element: XMLElement) {
        self.init(category: element.attribute("category") ?? "", type: element.attribute("type") ?? "",
                  name: element.attribute("name"),
                  language: element.attributes.first { $0.name == "lang" && $0.namespace == XMLNamespace.xml }?.value)
    }

    var element: XMLElement {
        var attributes = [XMLAttribute("category", value: category), XMLAttribute("type", value: type)]
        if let language { attributes.append(XMLAttribute("lang", namespace: XMLNamespace.xml, value: language)) }
        if let name { attributes.append(XMLAttribute("name", value: name)) }
        return XMLElement("identity", namespace: IoTNamespace.discoInfo, attributes: attributes)
    }

    /// `category/type/lang/name`, the identity's part of the caps verification string.
    var capsText: String { "\(category)/\(type)/\(language ?? "")/\(name ?? "")" }
}
