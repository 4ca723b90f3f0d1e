import CQREncode
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a QR symbol could not be made.
public enum QRCodeError: Error, Sendable, Equatable {
    case emptyPayload
    /// More bytes than the largest symbol (version 40) holds at level Q.
    case payloadTooLong(bytes: Int)
    /// libqrencode failed for another reason; the value is its `errno`.
    case encodingFailed(errno: Int32)
}

/// QR symbols for the printed representation, encoded by libqrencode.
public enum QRCode {
    /// The modules of the symbol for `text`: rows top to bottom, `true` for dark.
    ///
    /// The whole text is encoded as UTF-8 bytes in 8-bit mode, so what a phone reads back
    /// is byte for byte what was given. Error correction is level Q (25%), because thermal
    /// tickets fade and crease; SUNAT's payload stays far below the capacity that costs.
    /// The quiet zone is not included.
    public static func matrix(_ text: String) throws(QRCodeError) -> [[Bool]] {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { throw .emptyPayload }
        errno = 0
        // Version 0 lets libqrencode pick the smallest version that fits.
        guard let symbol = QRcode_encodeData(Int32(bytes.count), bytes, 0, QR_ECLEVEL_Q) else {
            throw errno == ERANGE ? .payloadTooLong(bytes: bytes.count) : .encodingFailed(errno: errno)
        }
        defer { QRcode_free(symbol) }
        return modules(of: symbol.pointee)
    }

    private static func modules(of symbol: QRcode) -> [[Bool]] {
        let width = Int(symbol.width)
        // libqrencode stores one byte per module; bit 0 is the colour, the others are metadata.
        return (0..<width).map { row in
            (0..<width).map { column in symbol.data[row * width + column] & 1 == 1 }
        }
    }
}
