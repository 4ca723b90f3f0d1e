/// Writes header fields as RFC 5322 wants them on the wire.
enum HeaderField {
    /// Lines are folded to this length where whitespace allows (RFC 5322 §2.1.1).
    static let preferredLineLength = 78
    /// Hard limit of a line, CRLF excluded.
    static let maxLineLength = 998

    /// `name: value` folded onto CRLF + space continuation lines, without a final CRLF.
    /// `value` must already be a single line (see `HeaderText.singleLine`).
    static func line(_ name: String, _ value: String) -> String {
        let chunks = foldableChunks(Array("\(name): \(value)".utf8), unbreakablePrefix: name.utf8.count + 2)
        var lines: [[UInt8]] = []
        for chunk in chunks {
            if let last = lines.last, last.count + chunk.count <= preferredLineLength {
                lines[lines.count - 1] += chunk
            } else {
                lines.append(Array(chunk))
            }
        }
        return lines.flatMap(hardSplit).map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\r\n")
    }

    /// Pieces that each start (except the first) with whitespace followed by a
    /// non-whitespace byte: a break before such a piece leaves no line empty and
    /// unfolding (deleting the CRLF) restores the value exactly.
    private static func foldableChunks(_ bytes: [UInt8], unbreakablePrefix: Int) -> [ArraySlice<UInt8>] {
        var chunks: [ArraySlice<UInt8>] = []
        var start = 0
        for index in bytes.indices where index > unbreakablePrefix && bytes[index].isWSP && !bytes[index - 1].isWSP {
            let rest = bytes[index...].drop(while: \.isWSP)
            guard !rest.isEmpty else { break }
            chunks.append(bytes[start..<index])
            start = index
        }
        chunks.append(bytes[start..<bytes.count])
        return chunks
    }

    /// Last resort for a run with no whitespace longer than a line may be (a
    /// giant address): cutting it changes the value, but a line over 998 octets
    /// would make the SMTP server reject the whole message.
    private static func hardSplit(_ line: [UInt8]) -> [[UInt8]] {
        var pieces: [[UInt8]] = []
        var rest = line[...]
        while rest.count > maxLineLength {
            var cut = rest.startIndex + maxLineLength - 8
            // Back off to a character boundary: never cut inside a UTF-8 sequence.
            while rest[cut] & 0xC0 == 0x80 { cut -= 1 }
            pieces.append(Array(rest[..<cut]))
            rest = [.space] + rest[cut...]
        }
        pieces.append(Array(rest))
        return pieces
    }
}
