import Foundation

/// Hand-written SUNAT documents, each with the empty signature slot first in
/// `ext:UBLExtensions`, as the UBL builders emit them. Names carry accents, ñ and `&amp;`
/// so byte-exactness and encoding are exercised. Each uses a different empty-slot style:
/// `<x/>`, `<x>whitespace</x>` and `<x></x>`.
enum Fixtures {
    /// Factura F001-123: one line, 2 × S/ 50.00 + IGV 18 % = S/ 118.00.
    static let invoice = Data(invoiceText.utf8)

    /// Nota de crédito FC01-7 on F001-123 (motive 07, devolución por ítem).
    static let creditNote = Data(creditNoteText.utf8)

    /// Comunicación de baja RA-20261121-1 (SUNAT UBL 2.0 schema).
    static let voidedDocuments = Data(voidedText.utf8)

    static let invoiceText = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2">
          <ext:UBLExtensions>
            <ext:UBLExtension>
              <ext:ExtensionContent/>
            </ext:UBLExtension>
          </ext:UBLExtensions>
          <cbc:UBLVersionID>2.1</cbc:UBLVersionID>
          <cbc:CustomizationID schemeAgencyName="PE:SUNAT">2.0</cbc:CustomizationID>
          <cbc:ID>F001-123</cbc:ID>
          <cbc:IssueDate>2026-11-20</cbc:IssueDate>
          <cbc:IssueTime>10:15:00</cbc:IssueTime>
          <cbc:InvoiceTypeCode listID="0101" listAgencyName="PE:SUNAT" listName="Tipo de Documento" listURI="urn:pe:gob:sunat:cpe:see:gem:catalogos:catalogo01">01</cbc:InvoiceTypeCode>
          <cbc:Note languageLocaleID="1000">SON CIENTO DIECIOCHO CON 00/100 SOLES</cbc:Note>
          <cbc:DocumentCurrencyCode listID="ISO 4217 Alpha" listName="Currency" listAgencyName="United Nations Economic Commission for Europe">PEN</cbc:DocumentCurrencyCode>
          <cac:Signature>
            <cbc:ID>SIGN20100070970</cbc:ID>
            <cac:SignatoryParty>
              <cac:PartyIdentification>
                <cbc:ID>20100070970</cbc:ID>
              </cac:PartyIdentification>
              <cac:PartyName>
                <cbc:Name>Bodega Rosa &amp; Hijos S.A.C.</cbc:Name>
              </cac:PartyName>
            </cac:SignatoryParty>
            <cac:DigitalSignatureAttachment>
              <cac:ExternalReference>
                <cbc:URI>#SignatureSP</cbc:URI>
              </cac:ExternalReference>
            </cac:DigitalSignatureAttachment>
          </cac:Signature>
          <cac:AccountingSupplierParty>
            <cac:Party>
              <cac:PartyIdentification>
                <cbc:ID schemeID="6">20100070970</cbc:ID>
              </cac:PartyIdentification>
              <cac:PartyName>
                <cbc:Name>Bodega Rosa</cbc:Name>
              </cac:PartyName>
              <cac:PartyLegalEntity>
                <cbc:RegistrationName>Bodega Rosa &amp; Hijos S.A.C.</cbc:RegistrationName>
                <cac:RegistrationAddress>
                  <cbc:AddressTypeCode>0000</cbc:AddressTypeCode>
                </cac:RegistrationAddress>
              </cac:PartyLegalEntity>
            </cac:Party>
          </cac:AccountingSupplierParty>
          <cac:AccountingCustomerParty>
            <cac:Party>
              <cac:PartyIdentification>
                <cbc:ID schemeID="6">20131312955</cbc:ID>
              </cac:PartyIdentification>
              <cac:PartyLegalEntity>
                <cbc:RegistrationName>Panadería Muñoz E.I.R.L.</cbc:RegistrationName>
              </cac:PartyLegalEntity>
            </cac:Party>
          </cac:AccountingCustomerParty>
          <cac:PaymentTerms>
            <cbc:ID>FormaPago</cbc:ID>
            <cbc:PaymentMeansID>Contado</cbc:PaymentMeansID>
          </cac:PaymentTerms>
          <cac:TaxTotal>
            <cbc:TaxAmount currencyID="PEN">18.00</cbc:TaxAmount>
            <cac:TaxSubtotal>
              <cbc:TaxableAmount currencyID="PEN">100.00</cbc:TaxableAmount>
              <cbc:TaxAmount currencyID="PEN">18.00</cbc:TaxAmount>
              <cac:TaxCategory>
                <cac:TaxScheme>
                  <cbc:ID>1000</cbc:ID>
                  <cbc:Name>IGV</cbc:Name>
                  <cbc:TaxTypeCode>VAT</cbc:TaxTypeCode>
                </cac:TaxScheme>
              </cac:TaxCategory>
            </cac:TaxSubtotal>
          </cac:TaxTotal>
          <cac:LegalMonetaryTotal>
            <cbc:LineExtensionAmount currencyID="PEN">100.00</cbc:LineExtensionAmount>
            <cbc:TaxInclusiveAmount currencyID="PEN">118.00</cbc:TaxInclusiveAmount>
            <cbc:PayableAmount currencyID="PEN">118.00</cbc:PayableAmount>
          </cac:LegalMonetaryTotal>
          <cac:InvoiceLine>
            <cbc:ID>1</cbc:ID>
            <cbc:InvoicedQuantity unitCode="NIU">2</cbc:InvoicedQuantity>
            <cbc:LineExtensionAmount currencyID="PEN">100.00</cbc:LineExtensionAmount>
            <cac:PricingReference>
              <cac:AlternativeConditionPrice>
                <cbc:PriceAmount currencyID="PEN">59.00</cbc:PriceAmount>
                <cbc:PriceTypeCode>01</cbc:PriceTypeCode>
              </cac:AlternativeConditionPrice>
            </cac:PricingReference>
            <cac:TaxTotal>
              <cbc:TaxAmount currencyID="PEN">18.00</cbc:TaxAmount>
              <cac:TaxSubtotal>
                <cbc:TaxableAmount currencyID="PEN">100.00</cbc:TaxableAmount>
                <cbc:TaxAmount currencyID="PEN">18.00</cbc:TaxAmount>
                <cac:TaxCategory>
                  <cbc:Percent>18.00</cbc:Percent>
                  <cbc:TaxExemptionReasonCode>10</cbc:TaxExemptionReasonCode>
                  <cac:TaxScheme>
                    <cbc:ID>1000</cbc:ID>
                    <cbc:Name>IGV</cbc:Name>
                    <cbc:TaxTypeCode>VAT</cbc:TaxTypeCode>
                  </cac:TaxScheme>
                </cac:TaxCategory>
              </cac:TaxSubtotal>
            </cac:TaxTotal>
            <cac:Item>
              <cbc:Description>Café orgánico de Chanchamayo &amp; panetón (Añaños)</cbc:Description>
              <cac:SellersItemIdentification>
                <cbc:ID>P001</cbc:ID>
              </cac:SellersItemIdentification>
            </cac:Item>
            <cac:Price>
              <cbc:PriceAmount currencyID="PEN">50.00</cbc:PriceAmount>
            </cac:Price>
          </cac:InvoiceLine>
        </Invoice>
        """

    static let creditNoteText = """
        <?xml version="1.0" encoding="UTF-8"?>
        <CreditNote xmlns="urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2">
          <ext:UBLExtensions>
            <ext:UBLExtension>
              <ext:ExtensionContent>
              </ext:ExtensionContent>
            </ext:UBLExtension>
          </ext:UBLExtensions>
          <cbc:UBLVersionID>2.1</cbc:UBLVersionID>
          <cbc:CustomizationID>2.0</cbc:CustomizationID>
          <cbc:ID>FC01-7</cbc:ID>
          <cbc:IssueDate>2026-11-21</cbc:IssueDate>
          <cbc:Note languageLocaleID="1000">SON CINCUENTA Y NUEVE CON 00/100 SOLES</cbc:Note>
          <cbc:DocumentCurrencyCode>PEN</cbc:DocumentCurrencyCode>
          <cac:DiscrepancyResponse>
            <cbc:ReferenceID>F001-123</cbc:ReferenceID>
            <cbc:ResponseCode>07</cbc:ResponseCode>
            <cbc:Description>Devolución por ítem: panetón dañado</cbc:Description>
          </cac:DiscrepancyResponse>
          <cac:BillingReference>
            <cac:InvoiceDocumentReference>
              <cbc:ID>F001-123</cbc:ID>
              <cbc:DocumentTypeCode>01</cbc:DocumentTypeCode>
            </cac:InvoiceDocumentReference>
          </cac:BillingReference>
          <cac:Signature>
            <cbc:ID>SIGN20100070970</cbc:ID>
            <cac:SignatoryParty>
              <cac:PartyIdentification>
                <cbc:ID>20100070970</cbc:ID>
              </cac:PartyIdentification>
            </cac:SignatoryParty>
            <cac:DigitalSignatureAttachment>
              <cac:ExternalReference>
                <cbc:URI>#SignatureSP</cbc:URI>
              </cac:ExternalReference>
            </cac:DigitalSignatureAttachment>
          </cac:Signature>
          <cac:AccountingSupplierParty>
            <cac:Party>
              <cac:PartyIdentification>
                <cbc:ID schemeID="6">20100070970</cbc:ID>
              </cac:PartyIdentification>
              <cac:PartyLegalEntity>
                <cbc:RegistrationName>Bodega Rosa &amp; Hijos S.A.C.</cbc:RegistrationName>
              </cac:PartyLegalEntity>
            </cac:Party>
          </cac:AccountingSupplierParty>
          <cac:AccountingCustomerParty>
            <cac:Party>
              <cac:PartyIdentification>
                <cbc:ID schemeID="6">20131312955</cbc:ID>
              </cac:PartyIdentification>
              <cac:PartyLegalEntity>
                <cbc:RegistrationName>Panadería Muñoz E.I.R.L.</cbc:RegistrationName>
              </cac:PartyLegalEntity>
            </cac:Party>
          </cac:AccountingCustomerParty>
          <cac:TaxTotal>
            <cbc:TaxAmount currencyID="PEN">9.00</cbc:TaxAmount>
            <cac:TaxSubtotal>
              <cbc:TaxableAmount currencyID="PEN">50.00</cbc:TaxableAmount>
              <cbc:TaxAmount currencyID="PEN">9.00</cbc:TaxAmount>
              <cac:TaxCategory>
                <cac:TaxScheme>
                  <cbc:ID>1000</cbc:ID>
                  <cbc:Name>IGV</cbc:Name>
                  <cbc:TaxTypeCode>VAT</cbc:TaxTypeCode>
                </cac:TaxScheme>
              </cac:TaxCategory>
            </cac:TaxSubtotal>
          </cac:TaxTotal>
          <cac:LegalMonetaryTotal>
            <cbc:PayableAmount currencyID="PEN">59.00</cbc:PayableAmount>
          </cac:LegalMonetaryTotal>
          <cac:CreditNoteLine>
            <cbc:ID>1</cbc:ID>
            <cbc:CreditedQuantity unitCode="NIU">1</cbc:CreditedQuantity>
            <cbc:LineExtensionAmount currencyID="PEN">50.00</cbc:LineExtensionAmount>
            <cac:TaxTotal>
              <cbc:TaxAmount currencyID="PEN">9.00</cbc:TaxAmount>
              <cac:TaxSubtotal>
                <cbc:TaxableAmount currencyID="PEN">50.00</cbc:TaxableAmount>
                <cbc:TaxAmount currencyID="PEN">9.00</cbc:TaxAmount>
                <cac:TaxCategory>
                  <cbc:Percent>18.00</cbc:Percent>
                  <cbc:TaxExemptionReasonCode>10</cbc:TaxExemptionReasonCode>
                  <cac:TaxScheme>
                    <cbc:ID>1000</cbc:ID>
                    <cbc:Name>IGV</cbc:Name>
                    <cbc:TaxTypeCode>VAT</cbc:TaxTypeCode>
                  </cac:TaxScheme>
                </cac:TaxCategory>
              </cac:TaxSubtotal>
            </cac:TaxTotal>
            <cac:Item>
              <cbc:Description>Panetón de chocolate</cbc:Description>
            </cac:Item>
            <cac:Price>
              <cbc:PriceAmount currencyID="PEN">50.00</cbc:PriceAmount>
            </cac:Price>
          </cac:CreditNoteLine>
        </CreditNote>
        """

    static let voidedText = """
        <?xml version="1.0" encoding="UTF-8"?>
        <VoidedDocuments xmlns="urn:sunat:names:specification:ubl:peru:schema:xsd:VoidedDocuments-1" xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2" xmlns:sac="urn:sunat:names:specification:ubl:peru:schema:xsd:SunatAggregateComponents-1">
          <ext:UBLExtensions>
            <ext:UBLExtension>
              <ext:ExtensionContent></ext:ExtensionContent>
            </ext:UBLExtension>
          </ext:UBLExtensions>
          <cbc:UBLVersionID>2.0</cbc:UBLVersionID>
          <cbc:CustomizationID>1.0</cbc:CustomizationID>
          <cbc:ID>RA-20261121-1</cbc:ID>
          <cbc:ReferenceDate>2026-11-20</cbc:ReferenceDate>
          <cbc:IssueDate>2026-11-21</cbc:IssueDate>
          <cac:Signature>
            <cbc:ID>SIGN20100070970</cbc:ID>
            <cac:SignatoryParty>
              <cac:PartyIdentification>
                <cbc:ID>20100070970</cbc:ID>
              </cac:PartyIdentification>
              <cac:PartyName>
                <cbc:Name>Bodega Rosa &amp; Hijos S.A.C.</cbc:Name>
              </cac:PartyName>
            </cac:SignatoryParty>
            <cac:DigitalSignatureAttachment>
              <cac:ExternalReference>
                <cbc:URI>#SignatureSP</cbc:URI>
              </cac:ExternalReference>
            </cac:DigitalSignatureAttachment>
          </cac:Signature>
          <cac:AccountingSupplierParty>
            <cbc:CustomerAssignedAccountID>20100070970</cbc:CustomerAssignedAccountID>
            <cbc:AdditionalAccountID>6</cbc:AdditionalAccountID>
            <cac:Party>
              <cac:PartyLegalEntity>
                <cbc:RegistrationName>Bodega Rosa &amp; Hijos S.A.C.</cbc:RegistrationName>
              </cac:PartyLegalEntity>
            </cac:Party>
          </cac:AccountingSupplierParty>
          <sac:VoidedDocumentsLine>
            <cbc:LineID>1</cbc:LineID>
            <cbc:DocumentTypeCode>01</cbc:DocumentTypeCode>
            <sac:DocumentSerialID>F001</sac:DocumentSerialID>
            <sac:DocumentNumberID>123</sac:DocumentNumberID>
            <sac:VoidReasonDescription>Error en el RUC del cliente — anulación</sac:VoidReasonDescription>
          </sac:VoidedDocumentsLine>
        </VoidedDocuments>
        """
}
