package io.lakegate.engine.protocol;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import net.jpountz.lz4.LZ4FrameInputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

/** Standard HTTP Content-Encoding for responses ({@code enable_http_compression=1}) and request bodies. */
public final class HttpCompression {
    private HttpCompression() {
    }

    /** The first encoding of {@code Accept-Encoding} that we can produce, or null for identity. */
    public static String choose(String acceptEncoding) {
        if (acceptEncoding == null) {
            return null;
        }
        for (String part : acceptEncoding.split(",")) {
            String name = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            if (part.contains("q=0") && !part.matches(".*q=0\\.\\d*[1-9].*")) {
                continue;
            }
            switch (name) {
                case "gzip", "deflate", "zstd", "lz4" -> {
                    return name;
                }
                default -> {
                }
            }
        }
        return null;
    }

    public static OutputStream encode(String encoding, OutputStream out) throws IOException {
        return switch (encoding) {
            case "gzip" -> new GZIPOutputStream(out, 1 << 16);
            case "deflate" -> new DeflaterOutputStream(out);
            case "zstd" -> new ZstdOutputStream(out);
            case "lz4" -> new LZ4FrameOutputStream(out);
            default -> throw new IllegalArgumentException(encoding);
        };
    }

    /** Decodes a request body by its Content-Encoding. */
    public static InputStream decode(String encoding, InputStream in) throws IOException {
        if (encoding == null || encoding.isBlank()) {
            return in;
        }
        return switch (encoding.trim().toLowerCase(Locale.ROOT)) {
            case "identity", "none" -> in;
            case "gzip" -> new GZIPInputStream(in);
            case "deflate" -> new InflaterInputStream(in);
            case "zstd" -> new ZstdInputStream(in);
            case "lz4" -> new LZ4FrameInputStream(in);
            default -> throw new ClickHouseException(ErrorCode.UNKNOWN_COMPRESSION_METHOD, "Unknown Content-Encoding '"
                    + encoding + "' of the request body; use gzip, deflate, zstd or lz4, or send it uncompressed");
        };
    }
}
