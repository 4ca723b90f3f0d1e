import CCairo
import Foundation

/// A decoded PNG held as a cairo image surface, freed with the last reference to it.
final class PNGImage {
    let surface: OpaquePointer
    /// Size in pixels.
    let width: Double
    let height: Double

    init(png: Data) throws(InvoicePDFError) {
        let reader = ByteReader(Array(png))
        let decoded = withExtendedLifetime(reader) {
            cairo_image_surface_create_from_png_stream({ closure, buffer, length in
                guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
                let reader = Unmanaged<ByteReader>.fromOpaque(closure).takeUnretainedValue()
                return reader.read(into: buffer, count: Int(length)) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_READ_ERROR
            }, Unmanaged.passUnretained(reader).toOpaque())
        }
        // cairo returns an error surface rather than NULL; it must be destroyed all the same.
        guard let decoded else { throw .invalidLogo }
        guard cairo_surface_status(decoded) == CAIRO_STATUS_SUCCESS,
              cairo_image_surface_get_width(decoded) > 0, cairo_image_surface_get_height(decoded) > 0 else {
            cairo_surface_destroy(decoded)
            throw .invalidLogo
        }
        surface = decoded
        width = Double(cairo_image_surface_get_width(decoded))
        height = Double(cairo_image_surface_get_height(decoded))
    }

    deinit {
        cairo_surface_destroy(surface)
    }

    /// The largest size with this image's proportions that fits `maxWidth` × `maxHeight`,
    /// never enlarged past one point per pixel, where a small logo starts to blur.
    func fitted(maxWidth: Double, maxHeight: Double) -> (width: Double, height: Double) {
        let scale = min(1, maxWidth / width, maxHeight / height)
        return (width * scale, height * scale)
    }
}

/// Hands cairo's PNG decoder the bytes in the chunks it asks for.
private final class ByteReader {
    private let bytes: [UInt8]
    private var offset = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// Copies exactly `count` bytes, or reports failure when fewer are left, as cairo requires.
    func read(into buffer: UnsafeMutablePointer<UInt8>, count: Int) -> Bool {
        guard count <= bytes.count - offset else { return false }
        bytes.withUnsafeBufferPointer { source in
            buffer.update(from: source.baseAddress! + offset, count: count)
        }
        offset += count
        return true
    }
}
