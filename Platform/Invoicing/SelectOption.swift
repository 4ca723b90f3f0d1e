/// One `<option>` of a page's `<select>`.
struct SelectOption: Encodable {
    let value: String
    let label: String
    let selected: Bool
}
