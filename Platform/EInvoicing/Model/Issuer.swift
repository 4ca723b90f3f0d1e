/// The business issuing the comprobante (emisor).
///
/// The RUC is kept as typed text and checked by the validator, so a bad RUC
/// comes back as a typed `EInvoiceError` naming the field rather than as a
/// decoding failure.
public struct Issuer: Sendable, Equatable, Codable {
    /// 11-digit RUC.
    public var ruc: String
    /// Razón social exactly as registered with SUNAT.
    public var legalName: String
    /// Nombre comercial, if the business uses one.
    public var tradeName: String?
    public var address: IssuerAddress

    public init(ruc: String, legalName: String, tradeName: String? = nil, address: IssuerAddress) {
        self.ruc = ruc
        self.legalName = legalName
        self.tradeName = tradeName
        self.address = address
    }
}

/// The issuer's registered address (`PartyLegalEntity/RegistrationAddress`).
public struct IssuerAddress: Sendable, Equatable {
    /// INEI ubigeo, 6 digits (e.g. "150101" for Lima).
    public var ubigeo: String?
    /// Establishment code (código de local anexo); "0000" is the domicilio fiscal.
    public var establishmentCode: String
    /// Street address.
    public var line: String?
    public var urbanization: String?
    public var district: String?
    public var province: String?
    public var department: String?
    /// ISO 3166-1 alpha-2; always "PE" for an issuer.
    public var countryCode: String

    public init(
        ubigeo: String? = nil, establishmentCode: String = "0000", line: String? = nil,
        urbanization: String? = nil, district: String? = nil, province: String? = nil,
        department: String? = nil, countryCode: String = "PE"
    ) {
        self.ubigeo = ubigeo
        self.establishmentCode = establishmentCode
        self.line = line
        self.urbanization = urbanization
        self.district = district
        self.province = province
        self.department = department
        self.countryCode = countryCode
    }
}
