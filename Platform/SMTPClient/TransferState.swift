import CCurl
import Foundation

/// What the C callbacks of one transfer reach through their userdata pointer. Only the
/// thread running curl_easy_perform touches it, so it needs no lock.
final class TransferState {
    let message: Data
    var offset = 0
    /// The server's last 4xx/5xx reply line, which curl's error text leaves out.
    var lastErrorReply: String?
    /// CURLOPT_ERRORBUFFER keeps this pointer, so it must stay put for the whole transfer.
    let errorBuffer: UnsafeMutablePointer<CChar>

    init(message: Data) {
        self.message = message
        let size = ccurl_error_size()
        errorBuffer = .allocate(capacity: size)
        errorBuffer.initialize(repeating: 0, count: size)
    }

    deinit {
        errorBuffer.deallocate()
    }

    var curlErrorText: String {
        String(cString: errorBuffer)
    }
}

/// CURLOPT_READFUNCTION: hands curl the next slice of the message; 0 means the end.
func readMessage(
    _ buffer: UnsafeMutablePointer<CChar>?, _ size: Int, _ count: Int, _ userdata: UnsafeMutableRawPointer?
) -> Int {
    guard let buffer, let userdata else { return ccurl_readfunc_abort() }
    let state = Unmanaged<TransferState>.fromOpaque(userdata).takeUnretainedValue()
    let length = min(size * count, state.message.count - state.offset)
    guard length > 0 else { return 0 }
    state.message.withUnsafeBytes { bytes in
        let start = bytes.baseAddress!.advanced(by: state.offset)
        UnsafeMutableRawPointer(buffer).copyMemory(from: start, byteCount: length)
    }
    state.offset += length
    return length
}

/// CURLOPT_DEBUGFUNCTION: keeps the server's last error reply, so the caller learns why a
/// command failed ("550 5.1.1 mailbox unavailable"), not only that it did.
func recordReply(
    _ handle: UnsafeMutableRawPointer?, _ kind: curl_infotype, _ data: UnsafeMutablePointer<CChar>?,
    _ size: Int, _ userdata: UnsafeMutableRawPointer?
) -> Int32 {
    // Only what the server sends: outgoing lines would include the AUTH credentials.
    guard kind == CURLINFO_HEADER_IN, let data, let userdata, size >= 3 else { return 0 }
    let bytes = UnsafeRawBufferPointer(start: data, count: min(size, 512))
    guard let first = bytes.first, first == UInt8(ascii: "4") || first == UInt8(ascii: "5") else { return 0 }
    let line = String(decoding: bytes, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    Unmanaged<TransferState>.fromOpaque(userdata).takeUnretainedValue().lastErrorReply = line
    return 0
}
