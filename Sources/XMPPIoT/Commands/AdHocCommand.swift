import XMPPClient

/// A XEP-0050 `<command>`: an incoming request (node, session, action, submitted form) or
/// a response stage (status, allowed actions, notes, form).
public struct AdHocCommand: Sendable, Hashable {
    public var node: String
    public var sessionId: String?
    /// Requests: what the requester asks for; nil means `execute`.
    public var action: AdHocAction?
    /// Responses: where the session stands.
    public var status: AdHocStatus?
    /// Responses: the actions allowed next (`prev`, `next`, `complete`), and the default.
    public var allowedActions: [AdHocAction]
    public var defaultAction: AdHocAction?
    public var notes: [AdHocNote]
    public var form: DataForm?
    public var language: String?

    public init(node: String, sessionId: String? = nil, action: AdHocAction? = nil, status: AdHocStatus? = nil,
                allowedActions: [AdHocAction] = [], defaultAction: AdHocAction? = nil, notes: [AdHocNote] = [],
                form: DataForm? = nil, language: String? = nil) {
        self.node = node
        self.sessionId = sessionId
        self.action = action
        self.status = status
        self.allowedActions = allowedActions
        self.defaultAction = defaultAction
        self.notes = notes
        self.form = form
        self.language = language
    }

    /// The action asked for, `execute` when none is given.
    public var requestedAction: AdHocAction { action ?? .execute }

    /// Reads the `<command>` of an IQ set.
    public init(iq: IQ) throws(IoTRequestError) {
        guard let payload = iq.payload else { throw .badRequest("The IQ carries no command.") }
        try self.init(payload)
    }

    public init(_ element: XMLElement) throws(IoTRequestError) {
        let namespace = IoTNamespace.commands
        guard element.name == "command", element.namespace == namespace else {
            throw .badRequest("Expected <command xmlns='\(namespace)'>.")
        }
        guard let node = element.attribute("node"), !node.isEmpty else {
            throw .badRequest("The command names no node.")
        }
        var action: AdHocAction?
        if let text = element.attribute("action") {
            guard let known = AdHocAction(rawValue: text) else {
                throw AdHocCommandError.malformedAction(text).requestError
            }
            action = known
        }
        var status: AdHocStatus?
        if let text = element.attribute("status") {
            guard let known = AdHocStatus(rawValue: text) else { throw .badRequest("Unknown command status '\(text)'.") }
            status = known
        }
        var allowed: [AdHocAction] = []
        var defaultAction: AdHocAction?
        if let actions = element.element("actions", namespace: namespace) {
            allowed = actions.elements.compactMap { AdHocAction(rawValue: $0.name) }
            defaultAction = actions.attribute("execute").flatMap(AdHocAction.init(rawValue:))
        }
        var notes: [AdHocNote] = []
        for note in element.elements("note", namespace: namespace) {
            notes.append(AdHocNote(note.attribute("type").flatMap(AdHocNote.Kind.init(rawValue:)) ?? .info, note.text))
        }
        var form: DataForm?
        if let x = element.element("x", namespace: IoTNamespace.dataForms) { form = try DataForm(x) }
        self.init(node: node, sessionId: element.attribute("sessionid"), action: action, status: status,
                  allowedActions: allowed, defaultAction: defaultAction, notes: notes, form: form,
                  language: element.attributes.first { $0.name == "lang" && $0.namespace == XMLNamespace.xml }?.value)
    }

    public var element: XMLElement {
        let namespace = IoTNamespace.commands
        var attributes: [XMLAttributePair] = [("node", node)]
        if let sessionId { attributes.append(("sessionid", sessionId)) }
        if let status { attributes.append(("status", status.rawValue)) }
        if let action { attributes.append(("action", action.rawValue)) }
        var children: [XMLElement] = []
        if !allowedActions.isEmpty {
            children.append(.make("actions", namespace, defaultAction.map { [("execute", $0.rawValue)] } ?? [],
                                  allowedActions.map { .make($0.rawValue, namespace) }))
        }
        children += notes.map(\.element)
        if let form { children.append(form.element) }
        return .make("command", namespace, attributes, children)
    }

    /// A single-stage form: status `executing`, the one action `complete` (also the
    /// default), and the form to fill in.
    public static func formStage(node: String, sessionId: String, form: DataForm) -> AdHocCommand {
        AdHocCommand(node: node, sessionId: sessionId, status: .executing, allowedActions: [.complete],
                     defaultAction: .complete, form: form)
    }

    /// The end of a session: status `completed`, with notes and optionally a result form.
    public static func completed(node: String, sessionId: String?, notes: [AdHocNote] = [],
                                 form: DataForm? = nil) -> AdHocCommand {
        AdHocCommand(node: node, sessionId: sessionId, status: .completed, notes: notes, form: form)
    }

    /// The answer to a `cancel`: status `canceled`.
    public static func canceled(node: String, sessionId: String?) -> AdHocCommand {
        AdHocCommand(node: node, sessionId: sessionId, status: .canceled)
    }
}
