/// Why a mobile number or e-mail address entered by a user was rejected.
public enum ContactValidationError: Error, Equatable, Sendable {
    /// No mobile number was entered (or only spaces and separators).
    case emptyPhone
    /// The number holds letters or symbols other than spaces, dashes, dots,
    /// parentheses and a leading "+".
    case phoneInvalidCharacters
    /// Not 9 digits once the country code is removed.
    case phoneWrongLength
    /// 9 digits not starting with 9, or a landline shape such as 01 456 7890.
    case phoneNotMobile
    /// A country code other than Peru's 51.
    case phoneForeignCountryCode
    /// No e-mail address was entered.
    case emptyEmail
    /// Whitespace, control characters, quotes or angle brackets.
    case emailInvalidCharacters
    case emailMissingAt
    case emailMultipleAt
    /// The part before the "@" is empty, too long, or not letters, digits and
    /// `!#$%&'*+-/=?^_`{|}~` with single inner dots.
    case emailInvalidLocalPart
    /// The part after the "@" is not a domain such as empresa.pe.
    case emailInvalidDomain
    /// Longer than the 254 characters SMTP allows.
    case emailTooLong

    /// Message for end users, in Spanish (Peru).
    public var message: String {
        switch self {
        case .emptyPhone: "Ingrese su número de celular"
        case .phoneInvalidCharacters: "El celular solo debe contener números (ej. 987 654 321)"
        case .phoneWrongLength: "El celular debe tener 9 dígitos y empezar con 9 (ej. 987 654 321)"
        case .phoneNotMobile: "El número no es un celular: debe empezar con 9 (ej. 987 654 321)"
        case .phoneForeignCountryCode: "Solo se aceptan celulares de Perú (+51)"
        case .emptyEmail: "Ingrese su correo electrónico"
        case .emailInvalidCharacters: "El correo no puede tener espacios, comillas ni los signos < >"
        case .emailMissingAt: "Al correo le falta la @ (ej. nombre@empresa.pe)"
        case .emailMultipleAt: "El correo debe tener una sola @"
        case .emailInvalidLocalPart: "La parte del correo antes de la @ no es válida"
        case .emailInvalidDomain: "La parte del correo después de la @ no es válida (ej. empresa.pe)"
        case .emailTooLong: "El correo es demasiado largo"
        }
    }

    /// Message for logs and English-speaking operators.
    public var messageEn: String {
        switch self {
        case .emptyPhone: "Enter your mobile number"
        case .phoneInvalidCharacters: "The mobile number must contain digits only (e.g. 987 654 321)"
        case .phoneWrongLength: "The mobile number must have 9 digits and start with 9 (e.g. 987 654 321)"
        case .phoneNotMobile: "The number is not a mobile: it must start with 9 (e.g. 987 654 321)"
        case .phoneForeignCountryCode: "Only Peruvian mobile numbers (+51) are accepted"
        case .emptyEmail: "Enter your e-mail address"
        case .emailInvalidCharacters: "The e-mail address cannot contain spaces, quotes or < >"
        case .emailMissingAt: "The e-mail address is missing the @ (e.g. name@company.pe)"
        case .emailMultipleAt: "The e-mail address must have a single @"
        case .emailInvalidLocalPart: "The part of the e-mail address before the @ is not valid"
        case .emailInvalidDomain: "The part of the e-mail address after the @ is not valid (e.g. company.pe)"
        case .emailTooLong: "The e-mail address is too long"
        }
    }
}
