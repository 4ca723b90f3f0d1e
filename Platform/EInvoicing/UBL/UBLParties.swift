import Foundation

extension XMLWriter {
    /// `cac:Signature`: who signs and where the `ds:Signature` is. SUNAT does
    /// not match the URI against the signature's Id, but we keep them equal.
    mutating func signatureReference(_ issuer: Issuer) {
        element("cac:Signature") { w in
            w.leaf("cbc:ID", "SIGN\(issuer.ruc)")
            w.element("cac:SignatoryParty") { w in
                w.element("cac:PartyIdentification") { w in w.leaf("cbc:ID", issuer.ruc) }
                w.element("cac:PartyName") { w in w.leaf("cbc:Name", issuer.legalName.trimmedText) }
            }
            w.element("cac:DigitalSignatureAttachment") { w in
                w.element("cac:ExternalReference") { w in w.leaf("cbc:URI", "#\(UBLBuilder.signatureID)") }
            }
        }
    }

    mutating func supplierParty(_ issuer: Issuer) {
        element("cac:AccountingSupplierParty") { w in
            w.element("cac:Party") { w in
                w.element("cac:PartyIdentification") { w in
                    w.leaf("cbc:ID", issuer.ruc, UBL.identityScheme(IdentityDocumentType.ruc.code))
                }
                if let trade = issuer.tradeName, !trade.trimmedText.isEmpty {
                    w.element("cac:PartyName") { w in w.leaf("cbc:Name", trade.trimmedText) }
                }
                w.element("cac:PartyLegalEntity") { w in
                    w.leaf("cbc:RegistrationName", issuer.legalName.trimmedText)
                    w.registrationAddress(issuer.address)
                }
            }
        }
    }

    /// Elements in `AddressType` sequence order.
    private mutating func registrationAddress(_ address: IssuerAddress) {
        element("cac:RegistrationAddress") { w in
            if let ubigeo = address.ubigeo {
                w.leaf("cbc:ID", ubigeo, [("schemeName", "Ubigeos"), ("schemeAgencyName", "PE:INEI")])
            }
            w.leaf("cbc:AddressTypeCode", address.establishmentCode,
                   [("listAgencyName", UBL.sunat), ("listName", "Establecimientos anexos")])
            w.optionalLeaf("cbc:CitySubdivisionName", address.urbanization)
            w.optionalLeaf("cbc:CityName", address.province)
            w.optionalLeaf("cbc:CountrySubentity", address.department)
            w.optionalLeaf("cbc:District", address.district)
            if let line = address.line, !line.trimmedText.isEmpty {
                w.element("cac:AddressLine") { w in w.leaf("cbc:Line", line.trimmedText) }
            }
            w.element("cac:Country") { w in w.leaf("cbc:IdentificationCode", address.countryCode, UBL.country) }
        }
    }

    mutating func customerParty(_ customer: Customer) {
        element("cac:AccountingCustomerParty") { w in
            w.element("cac:Party") { w in
                w.element("cac:PartyIdentification") { w in
                    w.leaf("cbc:ID", customer.number.trimmedText, UBL.identityScheme(customer.documentType.code))
                }
                w.element("cac:PartyLegalEntity") { w in
                    w.leaf("cbc:RegistrationName", customer.name.trimmedText)
                    if let address = customer.address {
                        w.element("cac:RegistrationAddress") { w in
                            w.optionalLeaf("cbc:ID", address.ubigeo)
                            w.element("cac:AddressLine") { w in w.leaf("cbc:Line", address.line.trimmedText) }
                            w.element("cac:Country") { w in
                                w.leaf("cbc:IdentificationCode", address.countryCode, UBL.country)
                            }
                        }
                    }
                }
            }
        }
    }

    /// Writes the element only for non-blank text.
    mutating func optionalLeaf(_ name: String, _ value: String?) {
        guard let value, !value.trimmedText.isEmpty else { return }
        leaf(name, value.trimmedText)
    }
}

extension String {
    /// Text as validated: surrounding whitespace removed.
    var trimmedText: String { trimmingCharacters(in: .whitespacesAndNewlines) }
}
