/// Namespaces and the catalogue attributes SUNAT's samples put on codes.
/// The attributes are optional (only observations 4251–4257 if wrong), but
/// writing them exactly as SUNAT spells them avoids those observations.
enum UBL {
    static let cac = "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"
    static let cbc = "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"
    static let ext = "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"
    static let ds = "http://www.w3.org/2000/09/xmldsig#"
    static let sac = "urn:sunat:names:specification:ubl:peru:schema:xsd:SunatAggregateComponents-1"

    static func rootAttributes(defaultNamespace: String, sac: Bool = false) -> XMLWriter.Attributes {
        var attributes: XMLWriter.Attributes = [
            ("xmlns", defaultNamespace), ("xmlns:cac", cac), ("xmlns:cbc", cbc), ("xmlns:ds", ds), ("xmlns:ext", ext),
        ]
        if sac { attributes.append(("xmlns:sac", Self.sac)) }
        return attributes
    }

    static let sunat = "PE:SUNAT"
    static let unece = "United Nations Economic Commission for Europe"

    static func catalogue(_ number: String, name: String) -> XMLWriter.Attributes {
        [("listAgencyName", sunat), ("listName", name), ("listURI", "urn:pe:gob:sunat:cpe:see:gem:catalogos:catalogo\(number)")]
    }

    static func identityScheme(_ code: String) -> XMLWriter.Attributes {
        [
            ("schemeID", code), ("schemeName", "Documento de Identidad"), ("schemeAgencyName", sunat),
            ("schemeURI", "urn:pe:gob:sunat:cpe:see:gem:catalogos:catalogo06"),
        ]
    }

    static let taxSchemeID: XMLWriter.Attributes = [
        ("schemeName", "Codigo de tributos"), ("schemeAgencyName", sunat),
        ("schemeURI", "urn:pe:gob:sunat:cpe:see:gem:catalogos:catalogo05"),
    ]

    static let currencyCode: XMLWriter.Attributes = [
        ("listID", "ISO 4217 Alpha"), ("listName", "Currency"), ("listAgencyName", unece),
    ]

    static let unitCode: XMLWriter.Attributes = [("unitCodeListID", "UN/ECE rec 20"), ("unitCodeListAgencyName", unece)]

    static let country: XMLWriter.Attributes = [("listID", "ISO 3166-1"), ("listAgencyName", unece), ("listName", "Country")]
}
