import XMPPClient

/// The whitelist of a node on a pubsub service: the JIDs with affiliation `member`, who may
/// read its items when its access model is `whitelist` (XEP-0060 §8.9, as the node's owner).
/// Other affiliations (owners, publishers, outcasts) are left as they are.
public enum PubSubMembers {
    /// The owner's request for the node's affiliations.
    public static func requestIQ(node: String, id: String, service: JID) -> IQ {
        IQ(kind: .get, id: id, to: service, payload: .make("pubsub", IoTNamespace.pubsubOwner, [], [
            .make("affiliations", IoTNamespace.pubsubOwner, [("node", node)]),
        ]))
    }

    /// The bare JIDs that are members, from the result of ``requestIQ(node:id:service:)``;
    /// entries that are not JIDs are skipped.
    public static func members(in result: IQ) -> Set<JID> {
        let list = result.payload?.element("affiliations", namespace: IoTNamespace.pubsubOwner)
        let members = list?.elements
            .filter { $0.name == "affiliation" && $0.attribute("affiliation") == "member" }
            .compactMap { $0.attribute("jid").flatMap { try? JID($0).bare } } ?? []
        return Set(members)
    }

    /// The change that leaves exactly `wanted` as members, `current` being the members now;
    /// nil when nothing needs to change.
    public static func changeIQ(node: String, id: String, service: JID, current: Set<JID>, wanted: Set<JID>) -> IQ? {
        let added = wanted.subtracting(current).map { ($0, "member") }
        let removed = current.subtracting(wanted).map { ($0, "none") }
        let changes = (added + removed).sorted { $0.0.description < $1.0.description }
        guard !changes.isEmpty else { return nil }
        return IQ(kind: .set, id: id, to: service, payload: .make("pubsub", IoTNamespace.pubsubOwner, [], [
            .make("affiliations", IoTNamespace.pubsubOwner, [("node", node)], changes.map { jid, affiliation in
                .make("affiliation", IoTNamespace.pubsubOwner, [("jid", jid.description), ("affiliation", affiliation)])
            }),
        ]))
    }
}
