import FoundationEssentials
import XMPPClient

/// One XEP-0323 field: a named, typed value taken at a moment, with what kind of value it
/// is and how far to trust it.
public struct SensorField: Sendable, Hashable {
    /// The unlocalized machine key (`Temperature`).
    public var name: String
    public var value: SensorValue
    public var timestamp: Date
    public var types: SensorFieldType
    public var quality: SensorFieldQuality
    /// True when an XEP-0325 parameter of the same name can set it.
    public var writable: Bool
    /// Localization hints (`module`, `stringIds`), passed through untouched.
    public var module: String?
    public var stringIds: String?

    public init(name: String, value: SensorValue, timestamp: Date, types: SensorFieldType = .momentary,
                quality: SensorFieldQuality = .automaticReadout, writable: Bool = false,
                module: String? = nil, stringIds: String? = nil) {
        self.name = name
        self.value = value
        self.timestamp = timestamp
        self.types = types
        self.quality = quality
        self.writable = writable
        self.module = module
        self.stringIds = stringIds
    }

    /// The value element, e.g.
    /// `<numeric name='Temperature' momentary='true' automaticReadout='true' value='21.40' unit='°C'/>`.
    public func element(dialect: SensorDataDialect = .standard) -> XMLElement {
        let shape = value.wireShape(for: dialect)
        var attributes: [XMLAttributePair] = [("name", name)]
        for (attribute, flag) in SensorFieldType.attributeNames where types.contains(flag) {
            attributes.append((attribute, "true"))
        }
        for (attribute, flag) in SensorFieldQuality.attributeNames where quality.contains(flag) {
            attributes.append((attribute, "true"))
        }
        if writable { attributes.append(("writable", "true")) }
        if let module { attributes.append(("module", module)) }
        if let stringIds { attributes.append(("stringIds", stringIds)) }
        return .make(shape.name, IoTNamespace.sensorData, attributes + shape.attributes)
    }

    /// Reads a value element under a `<timestamp>`; nil for elements that are not fields.
    init?(_ element: XMLElement, timestamp: Date) throws(IoTRequestError) {
        guard let value = try SensorValue.parse(element) else { return nil }
        guard let name = element.attribute("name") else { throw .badRequest("A \(element.name) field has no name.") }
        var types: SensorFieldType = []
        for (attribute, flag) in SensorFieldType.attributeNames where try element.booleanAttribute(attribute) == true {
            types.insert(flag)
        }
        if try element.booleanAttribute("identification") == true { types.insert(.identity) }
        var quality: SensorFieldQuality = []
        for (attribute, flag) in SensorFieldQuality.attributeNames where try element.booleanAttribute(attribute) == true {
            quality.insert(flag)
        }
        self.init(name: name, value: value, timestamp: timestamp, types: types, quality: quality,
                  writable: try element.booleanAttribute("writable") ?? false,
                  module: element.attribute("module"), stringIds: element.attribute("stringIds"))
    }
}
