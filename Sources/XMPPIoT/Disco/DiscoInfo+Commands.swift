extension DiscoInfo {
    /// The disco#info answer on node `http://jabber.org/protocol/commands`.
    public static var commandList: DiscoInfo {
        DiscoInfo(node: IoTNamespace.commands, identities: [DiscoIdentity(category: "automation", type: "command-list")],
                  features: [])
    }

    /// The disco#info answer on a command's own node.
    public static func commandNode(_ node: String, name: String) -> DiscoInfo {
        DiscoInfo(node: node, identities: [DiscoIdentity(category: "automation", type: "command-node", name: name)],
                  features: [IoTNamespace.commands, IoTNamespace.dataForms])
    }
}
