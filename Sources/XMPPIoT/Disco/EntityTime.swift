import FoundationEssentials
import XMPPClient

/// The XEP-0202 answer: `<time xmlns='urn:xmpp:time'><tzo>+01:00</tzo><utc>…Z</utc></time>`.
public enum EntityTime {
    public static func element(now: Date, utcOffsetSeconds: Int = 0) -> XMLElement {
        let sign = utcOffsetSeconds < 0 ? "-" : "+"
        let magnitude = abs(utcOffsetSeconds)
        let offset = utcOffsetSeconds == 0
            ? "Z" : "\(sign)\(XSDateTime.pad(magnitude / 3600)):\(XSDateTime.pad(magnitude / 60 % 60))"
        return .make("time", IoTNamespace.time, [], [
            .text("tzo", IoTNamespace.time, offset), .text("utc", IoTNamespace.time, XSDateTime.text(now)),
        ])
    }
}
