/// The fixed words of the printout. Peruvian documents are printed in Spanish.
enum Labels {
    static let customer = "Cliente:"
    static let address = "Dirección:"
    static let issueDate = "Fecha de emisión:"
    static let dueDate = "Fecha de vencimiento:"
    static let currency = "Moneda:"
    static let paymentTerms = "Forma de pago:"
    static let quantity = "Cant."
    static let unit = "Unidad"
    static let description = "Descripción"
    static let unitPrice = "P. unitario"
    static let amount = "Importe"
    static let hash = "Código hash:"

    static func document(_ party: PrintableDocument.Party) -> String {
        "\(party.documentLabel):"
    }

    static func page(_ number: Int, of count: Int) -> String {
        "Página \(number) de \(count)"
    }
}
