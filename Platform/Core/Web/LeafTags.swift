import Leaf
import Shared
import Vapor

/// `#t("key")`: a string from the catalogue in the request's language.
struct TranslateTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let key = ctx.parameters.first?.string else {
            throw TagError(message: "#t needs a key")
        }
        let language = ctx.request.map(Language.of) ?? .es
        return .string(Strings.text(key, language))
    }
}

/// `#money(cents)` or `#money(cents, "USD")`: `S/ 1,234.50`.
struct MoneyTag: LeafTag {
    func render(_ ctx: LeafContext) throws -> LeafData {
        guard let cents = ctx.parameters.first?.int else { throw TagError(message: "#money needs céntimos") }
        let currency = ctx.parameters.dropFirst().first?.string.flatMap(Currency.init(rawValue:)) ?? .pen
        return .string(Money(cents: Int64(cents), currency: currency).formatted)
    }
}

struct TagError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}
