/// Finds the RUC in a certificate subject.
///
/// Peruvian CAs put it in different attributes ("serialNumber=20100070970",
/// "organizationIdentifier=VATPE-20100070970", "OU=RUC 20100070970", or the CN), so each
/// attribute value is searched for a run of exactly 11 digits, in that order of preference.
enum SubjectRUC {
    /// OpenSSL NIDs: serialNumber, organizationIdentifier, organizationalUnitName, commonName.
    static let preferredAttributes: [Int32] = [105, 1089, 18, 13]

    static func find(in attributes: [(nid: Int32, value: String)]) -> String? {
        for nid in preferredAttributes {
            for attribute in attributes where attribute.nid == nid {
                if let ruc = elevenDigitRun(in: attribute.value) { return ruc }
            }
        }
        return nil
    }

    static func elevenDigitRun(in text: String) -> String? {
        var run = ""
        for character in text + " " {
            if character.isASCII, character.isNumber {
                run.append(character)
            } else {
                if run.count == 11 { return run }
                run = ""
            }
        }
        return nil
    }
}
