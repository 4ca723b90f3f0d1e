/// Identity document types of the buyer (SUNAT catalogue 06).
public enum IdentityDocumentType: String, Sendable, Hashable, Codable, CaseIterable {
    /// Non-domiciled taxpayer without RUC.
    case noDomiciliado = "0"
    case dni = "1"
    case carnetExtranjeria = "4"
    case ruc = "6"
    case pasaporte = "7"
    case cedulaDiplomatica = "A"
    case documentoPaisResidencia = "B"
    case tin = "C"
    case identificationNumber = "D"
    case tarjetaAndinaMigracion = "E"
    case permisoTemporalPermanencia = "F"
    case salvoconducto = "G"
    /// "Varios": anonymous buyer of a small boleta.
    case varios = "-"

    public var code: String { rawValue }

    /// `true` when the type identifies nobody (anonymous boleta buyer).
    public var isAnonymous: Bool { self == .varios }
}

/// The buyer (adquiriente).
public struct Customer: Sendable, Equatable, Codable {
    public var documentType: IdentityDocumentType
    /// Document number; "-" for an anonymous buyer.
    public var number: String
    /// Name or razón social.
    public var name: String
    public var address: CustomerAddress?

    public init(documentType: IdentityDocumentType, number: String, name: String, address: CustomerAddress? = nil) {
        self.documentType = documentType
        self.number = number
        self.name = name
        self.address = address
    }

    /// The anonymous buyer SUNAT accepts on boletas up to S/ 700.
    public static func anonymous(name: String = "CLIENTES VARIOS") -> Customer {
        Customer(documentType: .varios, number: "-", name: name)
    }
}

/// The buyer's address, printed on facturas when known.
public struct CustomerAddress: Sendable, Equatable {
    public var line: String
    public var ubigeo: String?
    /// ISO 3166-1 alpha-2, "PE" unless the buyer is abroad.
    public var countryCode: String

    public init(line: String, ubigeo: String? = nil, countryCode: String = "PE") {
        self.line = line
        self.ubigeo = ubigeo
        self.countryCode = countryCode
    }
}
