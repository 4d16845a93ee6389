import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct ControlFormTests {
    @Test func everyWritableParameterBecomesAValidatedFieldWithItsValue() throws {
        let form = ControlForm.form(parameters: ControlFixtures.thermostat)
        #expect(form.type == .form)
        #expect(form.fields.map(\.variable) == ["Setpoint", "Mode", "Heating", "MinOnTime"])
        #expect(form.fields.allSatisfy { $0.validation != nil })
        #expect(xml(form.fields[0].element) == compact("""
            <field xmlns='jabber:x:data' var='Setpoint' type='text-single' label='Target temperature (°C)'><value>21.5</value>
            <validate xmlns='http://jabber.org/protocol/xdata-validate' datatype='xs:decimal'><range min='5.0' max='30.0'/></validate></field>
            """))
        #expect(xml(form.fields[1].element) == compact("""
            <field xmlns='jabber:x:data' var='Mode' type='list-single' label='Mode'><value>heat</value>
            <option label='Off'><value>off</value></option><option label='Heat'><value>heat</value></option>
            <option label='Cool'><value>cool</value></option><option label='Auto'><value>auto</value></option>
            <validate xmlns='http://jabber.org/protocol/xdata-validate' datatype='xs:string'><basic/></validate></field>
            """))
        #expect(form.fields[2].type == .boolean && form.fields[2].values == ["true"])
        #expect(form.fields[3].validation == DataFormValidation(datatype: "xs:int", method: .range(min: "60", max: "3600")))
    }

    @Test func answersGetFormWithTheFormAsTheResult() throws {
        let request = try iq("""
            <iq type='get' id='f1' from='ops@example.net/laptop'><getForm xmlns='urn:xmpp:iot:control' xml:lang='en'/></iq>
            """)
        let formRequest = try ControlFormRequest(#require(request.payload))
        #expect(formRequest.language == "en" && formRequest.nodes.isEmpty)
        let reply = request.result(ControlForm.form(parameters: ControlFixtures.thermostat).element)
        let parsed = try DataForm(#require(reply.payload))
        #expect(parsed == ControlForm.form(parameters: ControlFixtures.thermostat))
    }

    @Test func readsOnlyTheSubmittedFieldsAndRevalidatesThem() throws {
        let submitted = DataForm(type: .submit, formType: "urn:xmpp:iot:control", fields: [
            DataFormField(variable: "Setpoint", values: ["22"]),
            DataFormField(variable: "Mode", values: []),
            DataFormField(variable: "Heating", values: ["0"]),
        ])
        #expect(try ControlForm.settings(from: submitted, parameters: ControlFixtures.thermostat) == [
            ControlSetting(name: "Setpoint", value: .double(22)), ControlSetting(name: "Heating", value: .boolean(false)),
        ])
        let outOfRange = DataForm(type: .submit, fields: [DataFormField(variable: "Setpoint", values: ["31"])])
        #expect(throws: ControlParameterError.self) { try ControlForm.settings(from: outOfRange, parameters: ControlFixtures.thermostat) }
        let unknown = DataForm(type: .submit, fields: [DataFormField(variable: "Fan", values: ["1"])])
        #expect { try ControlForm.settings(from: unknown, parameters: ControlFixtures.thermostat) } throws: { error in
            (error as? ControlParameterError)?.requestError.condition == .itemNotFound
        }
        let malformed = DataForm(type: .submit, fields: [DataFormField(variable: "MinOnTime", values: ["five"])])
        #expect(throws: ControlParameterError(parameter: "MinOnTime", reason: .malformed(text: "five", expected: .int))) {
            try ControlForm.settings(from: malformed, parameters: ControlFixtures.thermostat)
        }
    }
}
