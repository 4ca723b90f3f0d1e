import Foundation

/// SUNAT's Constancia de Recepción: the signed ApplicationResponse that says what happened to
/// one document (or one summary). Keep `xml` as received: it is the legal proof.
public struct CDR: Sendable, Equatable {
    /// `cac:DocumentResponse/cac:Response/cbc:ResponseCode`: 0 accepted, 2000–3999 rejected,
    /// 4000 and up accepted with observations.
    public let responseCode: Int
    public let description: String
    /// Root `cbc:Note` elements, as SUNAT wrote them (`"4287 - El precio unitario..."`).
    public let notes: [String]
    /// `cbc:ReferenceID`: the document (`F001-1`) or the summary ticket it answers.
    public let referenceID: String?
    /// The ApplicationResponse bytes, unchanged.
    public let xml: Data

    public init(responseCode: Int, description: String, notes: [String], referenceID: String?, xml: Data) {
        self.responseCode = responseCode
        self.description = description
        self.notes = notes
        self.referenceID = referenceID
        self.xml = xml
    }

    /// The observation codes found at the start of `notes` (`"4287 - ..."` gives 4287).
    public var observationCodes: [Int] {
        notes.compactMap { note in Int(note.prefix { $0.isNumber }) }
    }

    /// Reads an ApplicationResponse (the XML, not its zip).
    public static func parse(applicationResponse xml: Data) throws(CDRError) -> CDR {
        let root: XMLNode
        do {
            root = try XMLTree.parse(xml)
        } catch {
            throw CDRError(description: "CDR: \(error)")
        }
        guard root.name == "ApplicationResponse" else {
            throw CDRError(description: "CDR root is \(root.name), not ApplicationResponse")
        }
        let response = root.child("DocumentResponse", namespace: UBL.cac)?.child("Response", namespace: UBL.cac)
        guard let response, let codeText = response.child("ResponseCode", namespace: UBL.cbc)?.value,
            let code = Int(codeText)
        else {
            throw CDRError(description: "CDR has no numeric DocumentResponse/Response/ResponseCode")
        }
        let notes = root.children("Note", namespace: UBL.cbc).map(\.value).filter { !$0.isEmpty }
        let reference = response.child("ReferenceID", namespace: UBL.cbc)?.value
        return CDR(
            responseCode: code, description: response.child("Description", namespace: UBL.cbc)?.value ?? "",
            notes: notes, referenceID: reference, xml: xml)
    }

    /// Reads the `R-*.xml` ApplicationResponse inside a CDR zip.
    public static func parse(zip: Data) throws(CDRError) -> CDR {
        do {
            return try parse(applicationResponse: DocumentPackage.cdrXML(in: zip).xml)
        } catch let error as CDRError {
            throw error
        } catch {
            throw CDRError(description: "CDR zip: \(error)")
        }
    }
}

public struct CDRError: Error, Sendable, Equatable, CustomStringConvertible {
    public let description: String
}

/// UBL 2.x namespaces used by SUNAT's ApplicationResponse.
enum UBL {
    static let cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
    static let cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
}
