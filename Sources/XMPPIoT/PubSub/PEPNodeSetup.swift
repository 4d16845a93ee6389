/// The portable publish procedure of brief §4.6 as a state machine: make sure the shared
/// node keeps one item per device, then publish with the only publish-options both
/// Prosody 0.12 and ejabberd 23.01 accept, and recover once from `precondition-not-met`.
///
/// Feed it what the server answered; perform the actions it returns. It sends nothing.
public struct PEPNodeSetup: Sendable, Hashable {
    public enum Action: Sendable, Hashable {
        case requestConfiguration
        case configure(PubSubNodeConfiguration)
        /// Create the node with this configuration: a pubsub service, unlike PEP, does not
        /// create a node on the first publish.
        case create(PubSubNodeConfiguration)
        case publish
        /// Something needs a person: the text says what.
        case alert(String)
    }

    public enum Event: Sendable, Hashable {
        case configurationRead(PubSubNodeConfiguration)
        case configurationFailed(PubSubFailure)
        case configured
        case created
        case creationFailed(PubSubFailure)
        case publishSucceeded
        case publishFailed(PubSubFailure)
    }

    enum State: Sendable, Hashable {
        case unconfigured
        case readingConfiguration
        /// The node did not exist; the first publish creates it on PEP.
        case creatingByPublish
        /// That publish found no node either (a pubsub service): creating it explicitly.
        case creating
        case configuring(thenPublish: Bool)
        case publishing(retried: Bool)
        case reconfiguring
        case ready
        case failed
    }

    /// `max_items` the node needs: the device count, within Prosody's PEP ceiling of 256.
    public let requiredMaxItems: Int
    /// False once the server refused our publish-options (`resource-constraint`): items go
    /// without them from then on.
    private var usesPublishOptions = true
    private(set) var state: State = .unconfigured

    /// Who may see the items: `presence` on PEP; `whitelist` on a pubsub service, where
    /// Prosody offers only `open` and `whitelist`.
    public let accessModel: PubSubAccessModel

    public init(deviceCount: Int, accessModel: PubSubAccessModel = .presence) {
        requiredMaxItems = min(max(deviceCount, 1), 256)
        self.accessModel = accessModel
    }

    /// The publish-options to send with an item now: nil once the server refused them.
    public var publishOptions: PublishOptions? {
        usesPublishOptions ? requestedOptions : nil
    }

    private var requestedOptions: PublishOptions {
        PublishOptions(accessModel: accessModel)
    }

    /// Whether the node is known good, so publishes go straight out.
    public var isReady: Bool { state == .ready }

    /// What to do to publish an item now.
    public mutating func publishRequested() -> [Action] {
        switch state {
        case .unconfigured:
            state = .readingConfiguration
            return [.requestConfiguration]
        case .ready:
            state = .publishing(retried: false)
            return [.publish]
        case .failed:
            state = .publishing(retried: true)
            return [.publish]
        default:
            return []
        }
    }

    public mutating func handle(_ event: Event) -> [Action] {
        switch (state, event) {
        case (.readingConfiguration, .configurationRead(let configuration)):
            if (configuration.maxItemCount ?? 1) >= requiredMaxItems {
                state = .publishing(retried: false)
                return [.publish]
            }
            state = .configuring(thenPublish: true)
            return [.configure(wanted)]
        case (.readingConfiguration, .configurationFailed(.nodeMissing)):
            state = .creatingByPublish
            return [.publish]
        case (.creatingByPublish, .publishSucceeded):
            state = .configuring(thenPublish: false)
            return [.configure(wanted)]
        case (.creatingByPublish, .publishFailed(.nodeMissing)), (.publishing, .publishFailed(.nodeMissing)):
            // Also when a node that existed is gone: deleted by an admin, or lost with the server's data.
            state = .creating
            return [.create(fullConfiguration)]
        case (.creating, .created):
            state = .publishing(retried: false)
            return [.publish]
        case (.creating, .creationFailed(let failure)):
            state = .failed
            return [.alert("Cannot create the readings node: \(failure).")]
        case (.configuring(let thenPublish), .configured):
            state = thenPublish ? .publishing(retried: false) : .ready
            return thenPublish ? [.publish] : []
        case (.configuring(thenPublish: false), .configurationFailed(let failure)):
            // The node was created and holds the item; it keeps working with the server's
            // defaults, only with fewer items kept.
            state = .ready
            return [maxItemsAlert(failure)]
        case (.configuring(thenPublish: true), .configurationFailed(let failure)),
             (.readingConfiguration, .configurationFailed(let failure)):
            state = .publishing(retried: false)
            return [maxItemsAlert(failure), .publish]
        case (.reconfiguring, .configured):
            state = .publishing(retried: true)
            return [.publish]
        case (.reconfiguring, .configurationFailed(let failure)):
            state = .failed
            return [.alert("Cannot reconfigure the readings node after a precondition mismatch: \(failure).")]
        case (.publishing, .publishSucceeded):
            state = .ready
            return []
        case (.publishing(retried: false), .publishFailed(.publishOptionRefused)) where usesPublishOptions:
            usesPublishOptions = false
            state = .publishing(retried: false)
            return [.publish]
        case (.publishing(retried: false), .publishFailed(.preconditionNotMet)):
            state = .reconfiguring
            return [.configure(fullConfiguration)]
        case (.publishing, .publishFailed(let failure)), (.creatingByPublish, .publishFailed(let failure)):
            state = .failed
            return [.alert("Publishing readings failed: \(failure).")]
        default:
            return []
        }
    }

    private func maxItemsAlert(_ failure: PubSubFailure) -> Action {
        .alert("Cannot set max_items to \(requiredMaxItems) on the readings node: \(failure).")
    }

    /// Everything the publish-options ask for, and room for every device's item.
    private var fullConfiguration: PubSubNodeConfiguration {
        PubSubNodeConfiguration(maxItems: String(requiredMaxItems), accessModel: requestedOptions.accessModel,
                                persistItems: requestedOptions.persistItems)
    }

    private var wanted: PubSubNodeConfiguration {
        PubSubNodeConfiguration(maxItems: String(requiredMaxItems))
    }
}
