import Testing
import XMPPClient
@testable import XMPPIoT

@Suite struct AdHocCommandTests {
    @Test func readsAnExecuteRequest() throws {
        let command = try AdHocCommand(iq: iq("""
            <iq type='set' id='a2' to='gw@example.net/hub'>\
            <command xmlns='http://jabber.org/protocol/commands' node='thermo-1/setpoint' action='execute'/></iq>
            """))
        #expect(command.node == "thermo-1/setpoint")
        #expect(command.requestedAction == .execute && command.sessionId == nil && command.form == nil)
        let implicit = try AdHocCommand(element("<command xmlns='http://jabber.org/protocol/commands' node='status'/>"))
        #expect(implicit.action == nil && implicit.requestedAction == .execute)
    }

    @Test func writesTheBriefsFormStage() throws {
        let form = try DataForm(element(compact("""
            <x xmlns='jabber:x:data' type='form'><title>Thermostat living room</title>
            <field var='setpoint' type='text-single' label='Target temperature (°C)'><required/><value>21.5</value></field></x>
            """)))
        let stage = AdHocCommand.formStage(node: "thermo-1/setpoint", sessionId: "s-4f1c", form: form)
        #expect(xml(stage.element) == compact("""
            <command xmlns='http://jabber.org/protocol/commands' node='thermo-1/setpoint' sessionid='s-4f1c' status='executing'>
            <actions execute='complete'><complete/></actions>
            <x xmlns='jabber:x:data' type='form'><title>Thermostat living room</title>
            <field var='setpoint' type='text-single' label='Target temperature (°C)'><required/><value>21.5</value></field></x></command>
            """))
        #expect(try AdHocCommand(stage.element) == stage)
    }

    @Test func readsTheSubmissionAndWritesCompletion() throws {
        let submission = try AdHocCommand(iq: iq(compact("""
            <iq type='set' id='a3' to='gw@example.net/hub'>
            <command xmlns='http://jabber.org/protocol/commands' node='thermo-1/setpoint' sessionid='s-4f1c' action='complete'>
            <x xmlns='jabber:x:data' type='submit'><field var='setpoint'><value>22</value></field>
            <field var='mode'><value>heat</value></field></x></command></iq>
            """)))
        #expect(submission.requestedAction == .complete && submission.sessionId == "s-4f1c")
        #expect(submission.form?.type == .submit && submission.form?.value("setpoint") == "22")
        let done = AdHocCommand.completed(node: "thermo-1/setpoint", sessionId: "s-4f1c", notes: [AdHocNote(.info, "Target set to 22.0 °C.")])
        #expect(xml(done.element) == compact("""
            <command xmlns='http://jabber.org/protocol/commands' node='thermo-1/setpoint' sessionid='s-4f1c' status='completed'>
            <note type='info'>Target set to 22.0 °C.</note></command>
            """))
        #expect(xml(AdHocCommand.canceled(node: "status", sessionId: "s-1").element)
            == "<command xmlns='http://jabber.org/protocol/commands' node='status' sessionid='s-1' status='canceled'/>")
    }

    @Test func readsMultiStageActionsAndNotes() throws {
        let stage = try AdHocCommand(element(compact("""
            <command xmlns='http://jabber.org/protocol/commands' node='n' sessionid='s' status='executing'>
            <actions execute='next'><prev/><next/><complete/></actions><note type='warn'>Careful</note></command>
            """)))
        #expect(stage.allowedActions == [.prev, .next, .complete] && stage.defaultAction == .next)
        #expect(stage.notes == [AdHocNote(.warn, "Careful")])
    }

    @Test func refusesAnUnknownActionWithMalformedAction() throws {
        let input = try element("<command xmlns='http://jabber.org/protocol/commands' node='n' action='jump'/>")
        #expect { try AdHocCommand(input) } throws: { error in
            let error = error as? IoTRequestError
            return error?.condition == .badRequest && error?.applicationCondition?.name == "malformed-action"
        }
        let noNode = try element("<command xmlns='http://jabber.org/protocol/commands'/>")
        #expect(throws: IoTRequestError.badRequest("The command names no node.")) { try AdHocCommand(noNode) }
    }

    @Test func errorsCarryTheCommandsCondition() {
        let payload = AdHocCommandError.badPayload("Setpoint must be between 5 and 30 °C.").requestError.stanzaError
        #expect(xml(payload.element) == compact("""
            <error xmlns='jabber:client' type='modify'><bad-request xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>
            <text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas' xml:lang='en'>Setpoint must be between 5 and 30 °C.</text>
            <bad-payload xmlns='http://jabber.org/protocol/commands'/></error>
            """))
        let expired = AdHocCommandError.sessionExpired("s-1").requestError.stanzaError
        #expect(expired.condition == .notAllowed && expired.kind == .cancel)
        #expect(expired.applicationCondition?.name == "session-expired")
        #expect(AdHocCommandError.badSessionId("x").requestError.applicationCondition?.name == "bad-sessionid")
        #expect(AdHocCommandError.badAction(.prev).requestError.applicationCondition?.name == "bad-action")
        #expect(AdHocCommandError.badLocale("tlh").requestError.applicationCondition?.name == "bad-locale")
    }

    @Test func listsCommandsAsTheBriefShows() throws {
        let hub = try JID("gw@example.net/hub")
        let list = AdHocCommandList(items: [
            .init(jid: hub, node: "thermo-1/setpoint", name: "Thermostat living room: set target"),
            .init(jid: hub, node: "status", name: "Show all device readings"),
        ])
        #expect(xml(list.element) == compact("""
            <query xmlns='http://jabber.org/protocol/disco#items' node='http://jabber.org/protocol/commands'>
            <item jid='gw@example.net/hub' node='thermo-1/setpoint' name='Thermostat living room: set target'/>
            <item jid='gw@example.net/hub' node='status' name='Show all device readings'/></query>
            """))
    }
}
