/// The minimarket's texts, Spanish (es-PE) first.
enum MarketStrings {
    static let spanish: [String: String] = [
        "market.error.out_of_stock": "No hay stock suficiente de {name}: quedan {available}.",
        "market.error.register_closed": "La caja está cerrada: ábrela con el fondo de caja.",
        "market.error.register_open": "La caja ya está abierta.",
        "market.error.duplicate_barcode": "Otro producto ya tiene ese código de barras.",
        "market.error.duplicate_sku": "Otro producto ya tiene ese SKU.",
    ]

    static let english: [String: String] = [
        "market.error.out_of_stock": "Not enough stock of {name}: {available} left.",
        "market.error.register_closed": "The till is closed: open it with the float.",
        "market.error.register_open": "The till is already open.",
        "market.error.duplicate_barcode": "Another product already has that barcode.",
        "market.error.duplicate_sku": "Another product already has that SKU.",
    ]
}
