import EInvoicingPDF
import Foundation
import Shared

/// Documents the tests print, with amounts and dates formatted by `Shared` as the engine does.
enum SampleDocuments {
    static let longDescription = "Servicio de diseño y mantenimiento anual de la página web de la empresa, "
        + "incluye alojamiento, dominio .pe, certificados SSL, copias de seguridad diarias y soporte técnico "
        + "en horario de oficina con atención por teléfono y correo electrónico"
    static let hash = "kC1vU6y9g6XDMPiDRvBfS1YFFZc="
    static let qrPayload = "20123456789|01|F001|123|188.31|1234.50|2026-01-15|6|20601234567|\(hash)|"

    static func money(_ cents: Int64) -> String {
        Money(cents: cents).formatted
    }

    static func date(_ year: Int, _ month: Int, _ day: Int) -> String {
        LimaDate(year: year, month: month, day: day)!.formatted
    }

    /// A factura with accents and ñ everywhere, three lines, one of them long.
    static func factura() throws -> PrintableDocument {
        let gravadas = Money(cents: 5_000) + Money(cents: 94_619) + Money(cents: 5_000)
        let igv = Money(cents: 18_831)
        let total = gravadas + igv
        return PrintableDocument(
            title: "FACTURA ELECTRÓNICA", number: "F001-123",
            issuer: .init(name: "Panadería y Cafetería Ñañez S.A.C.", documentLabel: "RUC",
                          documentNumber: "20123456789", address: "Av. José Gálvez Barrenechea 1234, San Isidro, Lima"),
            tradeName: "Café Ñañez",
            customer: .init(name: "Compañía Minera Añaños S.R.L.", documentLabel: "RUC",
                            documentNumber: "20601234567", address: "Jr. Ayacucho 456, Cercado de Arequipa"),
            issueDate: date(2026, 1, 15), dueDate: date(2026, 2, 14), currency: "SOLES",
            paymentTerms: "Crédito: 1 cuota de \(total.formatted) al \(date(2026, 2, 14))",
            lines: [
                .init(quantity: "2", unit: "NIU", description: "Café orgánico de Villa Rica, bolsa de 500 g",
                      unitPrice: money(2_500), total: money(5_000)),
                .init(quantity: "1", unit: "ZZ", description: longDescription,
                      unitPrice: money(94_619), total: money(94_619)),
                .init(quantity: "4", unit: "NIU", description: "Piña golden, caja de 12 unidades",
                      unitPrice: money(1_250), total: money(5_000)),
            ],
            totals: [.init("Op. gravadas", gravadas.formatted), .init("IGV 18%", igv.formatted),
                     .init("Importe total", total.formatted)],
            amountInWords: "SON: " + (try AmountInWords.spanish(total)),
            notes: ["Observación: entrega en almacén de Cerro Colorado, atención Sra. Begoña Muñoz."],
            qrPayload: qrPayload, hash: hash,
            footer: "Representación impresa de la FACTURA ELECTRÓNICA. Consulte en https://multinicho.pe/cpe"
        )
    }

    /// The factura with `count` lines, numbered so their order can be checked.
    static func factura(lineCount count: Int) throws -> PrintableDocument {
        var document = try factura()
        document.lines = (1...count).map { index in
            .init(quantity: "\(index)", unit: "NIU", description: "Artículo número \(index) de la lista de precios",
                  unitPrice: money(1_000), total: money(Int64(index) * 1_000))
        }
        return document
    }

    /// A 90 × 30 px PNG: three coloured shapes.
    static let logoPNG = Data(base64Encoded: """
        iVBORw0KGgoAAAANSUhEUgAAAFoAAAAeCAIAAAAjA54vAAAA10lEQVR42mM8IafBQBtg/vA6w1ADTAyjAAmwDBJ3iEavRhN5vTR0xAUHZihgStEzXJg\
        GZ1iQoWwIpw5SfQhRT4dkwjT4w4KeyWS0ZhnQzEJhDItGr8aaZT6uZhx6qYMqqZ2mWWY0s4wGx2AIDiomctrll9HUMRoco8ExGhyjwTGEgoOKHTDa9e\
        VGU8docAyS4KBKIqfpqAe9UweFnqH1CBDL8Ejk/KH/h2rZQXYM02FwcGBSB8RjxPfE6DaYPpA1C5GepOfEwgCXHXCvjk47DbznR5thBAAAK6Q9E/Fb6ts\
        AAAAASUVORK5CYII=
        """)!
}
