import Foundation
import ProviderSupport

/// What Culqi POSTs to our webhook: `{"object":"event","id":"evt_…","type","creation_date","data"}`.
/// Unsigned, so only the ids are read: the caller re-fetches the charge and trusts that.
public struct CulqiEvent: Sendable, Equatable {
    public let id: String
    /// e.g. "charge.creation.succeeded", "charge.failed", "order.status.changed"
    public let type: String
    /// The `object` of `data`, e.g. "charge".
    public let objectType: String?
    /// The id in `data`, e.g. "chr_…"; what to re-fetch.
    public let objectID: String?

    public static func parse(_ body: Data) throws(CulqiEventParseError) -> CulqiEvent {
        guard let event = try? JSONDecoder().decode(Envelope.self, from: body), (event.object ?? "event") == "event"
        else {
            throw CulqiEventParseError(message: "not a Culqi event: \(BodySnippet.text(Array(body)))")
        }
        // data is an object in the docs' examples; integrations report it arriving as a JSON
        // string too, so both are read.
        let inner = event.data?.object ?? event.data?.text.flatMap {
            try? JSONDecoder().decode(DataObject.self, from: Data($0.utf8))
        }
        return CulqiEvent(id: event.id, type: event.type, objectType: inner?.object, objectID: inner?.id)
    }

    private struct Envelope: Decodable {
        let object: String?
        let id: String
        let type: String
        let data: EventData?
    }

    private struct DataObject: Decodable {
        let object: String?
        let id: String?
    }

    private struct EventData: Decodable {
        let object: DataObject?
        let text: String?

        init(from decoder: any Decoder) throws {
            let value = try decoder.singleValueContainer()
            object = try? value.decode(DataObject.self)
            text = try? value.decode(String.self)
        }
    }
}

public struct CulqiEventParseError: Error, Sendable, Equatable, CustomStringConvertible {
    public let message: String
    public var description: String { message }
}
