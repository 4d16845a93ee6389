import Foundation
import Testing
import XMPPClient
@testable import XMPPIoT

struct XMLInputError: Error, CustomStringConvertible {
    let description: String
}

/// Parses one stanza or element as it would arrive inside a client stream.
func element(_ xml: String) throws -> XMLElement {
    let parser = XMLStreamParser()
    let events = parser.feed("<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams'>" + xml)
    guard case .stanza(let element)? = events.last else { throw XMLInputError(description: "not one element: \(events)") }
    return element
}

func iq(_ xml: String) throws -> IQ { try IQ(element(xml)) }
func message(_ xml: String) throws -> Message { try Message(element(xml)) }

/// A stanza as it is written into a client stream.
func wire(_ stanza: XMLElement) -> String { XMLSerializer.clientStream.string(stanza) }
/// A standalone element, declaring its own namespace.
func xml(_ element: XMLElement) -> String { XMLSerializer().string(element) }

/// Strips the line breaks and indentation the brief's examples use for reading.
func compact(_ text: String) -> String {
    text.split(separator: "\n").map { $0.drop { $0 == " " } }.joined()
}

func date(_ text: String) -> Date {
    XSDateTime(lexical: text)?.date ?? .distantPast
}
