import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct DataFormTests {
    let briefForm = compact("""
        <x xmlns='jabber:x:data' type='form'>
          <title>Thermostat living room</title>
          <instructions>Now 21.40 °C, heating on.</instructions>
          <field var='setpoint' type='text-single' label='Target temperature (°C)'>
            <required/><value>21.5</value>
            <validate xmlns='http://jabber.org/protocol/xdata-validate' datatype='xs:decimal'><range min='5' max='30'/></validate>
          </field>
          <field var='mode' type='list-single' label='Mode'><value>heat</value>
            <option label='Off'><value>off</value></option><option label='Heat'><value>heat</value></option></field>
        </x>
        """)

    @Test func readsTheBriefsFormAndWritesItBackIdentically() throws {
        let form = try DataForm(element(briefForm))
        #expect(form.type == .form)
        #expect(form.title == "Thermostat living room")
        #expect(form.instructions == ["Now 21.40 °C, heating on."])
        let setpoint = try #require(form.field("setpoint"))
        #expect(setpoint.required && setpoint.type == .textSingle && setpoint.value == "21.5")
        #expect(setpoint.validation == DataFormValidation(datatype: "xs:decimal", method: .range(min: "5", max: "30")))
        #expect(form.field("mode")?.options == [DataFormOption(label: "Off", value: "off"), DataFormOption(label: "Heat", value: "heat")])
        #expect(xml(form.element) == briefForm)
    }

    @Test func roundTripsEveryFieldTypeAndValidationMethod() throws {
        let form = DataForm(type: .result, formType: "urn:example:test", fields: [
            DataFormField(variable: "flag", type: .boolean, values: ["1"]),
            DataFormField(variable: nil, type: .fixed, values: ["Section"]),
            DataFormField(variable: "owners", type: .jidMulti, values: ["a@example.net", "b@example.net"]),
            DataFormField(variable: "owner", type: .jidSingle, description: "Who owns it", values: ["a@example.net"]),
            DataFormField(variable: "tags", type: .listMulti, options: [DataFormOption(value: "x")],
                          validation: DataFormValidation(method: .open)),
            DataFormField(variable: "notes", type: .textMulti, values: ["line 1", "line 2"]),
            DataFormField(variable: "secret", type: .textPrivate),
            DataFormField(variable: "serial", type: .textSingle, validation: DataFormValidation(method: .regex("^[A-Z0-9]+$"))),
            DataFormField(variable: "count", validation: DataFormValidation(datatype: "xs:integer", method: .range(min: "0", max: nil))),
        ])
        #expect(try DataForm(form.element) == form)
        #expect(form.formType == "urn:example:test")
        #expect(form.value("owners") == "a@example.net")
    }

    @Test func readsValidationWithoutDatatypeAsString() throws {
        let field = try DataFormField(element("""
            <field xmlns='jabber:x:data' var='v'><validate xmlns='http://jabber.org/protocol/xdata-validate'/></field>
            """))
        #expect(field.validation == DataFormValidation(datatype: "xs:string", method: .basic))
    }

    @Test(arguments: [
        "<x xmlns='jabber:x:data'/>",
        "<x xmlns='jabber:x:data' type='draft'/>",
        "<x xmlns='jabber:x:data' type='submit'><field var='a' type='slider'/></x>",
        "<x xmlns='jabber:x:data' type='form'><field var='a'><option label='A'/></field></x>",
        "<form xmlns='jabber:x:data' type='form'/>",
    ])
    func refusesMalformedForms(text: String) throws {
        let input = try element(text)
        #expect { try DataForm(input) } throws: { ($0 as? IoTRequestError)?.condition == .badRequest }
    }
}
