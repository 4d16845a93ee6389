/// Who may see a node's items (`pubsub#access_model`). Prosody's PEP accepts only
/// `open`, `presence` and `whitelist`.
public enum PubSubAccessModel: String, Sendable, Hashable {
    case open, presence, roster, authorize, whitelist
}
