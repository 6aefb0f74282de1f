package dev.verdict.server.type.list;

import com.ning.compress.lzf.ChunkDecoder;
import com.ning.compress.lzf.LZFException;
import com.ning.compress.lzf.impl.VanillaChunkEncoder;
import com.ning.compress.lzf.util.ChunkDecoderFactory;

/**
 * Raw LZF (liblzf's format, no chunk headers), as Redis compresses quicklist nodes and RDB
 * strings. Wraps compress-lzf's block coder.
 */
public final class Lzf {

    private static final ThreadLocal<RawEncoder> ENCODER = ThreadLocal.withInitial(RawEncoder::new);
    private static final ChunkDecoder DECODER = ChunkDecoderFactory.safeInstance();

    /** Exposes the library's raw block compression. */
    private static final class RawEncoder extends VanillaChunkEncoder {
        RawEncoder() {
            super(65535);
        }

        int compress(byte[] in, byte[] out) {
            return tryCompress(in, 0, in.length, out, 0);
        }
    }

    private Lzf() {
    }

    /** The compressed bytes, or null when compression does not make {@code in} smaller. */
    public static byte[] compress(byte[] in) {
        byte[] out = new byte[in.length + (in.length >> 4) + 64];
        int n;
        if (in.length > 65535) {
            // The block coder's back-references reach 8 KB; longer inputs are compressed the same way, in one go.
            n = new VanillaChunkEncoder(in.length) {
                int run() {
                    return tryCompress(in, 0, in.length, out, 0);
                }
            }.run();
        } else {
            n = ENCODER.get().compress(in, out);
        }
        if (n <= 0 || n >= in.length) return null;
        return java.util.Arrays.copyOf(out, n);
    }

    /** Decompresses raw LZF data into exactly {@code rawLength} bytes. */
    public static byte[] decompress(byte[] in, int rawLength) {
        byte[] out = new byte[rawLength];
        try {
            DECODER.decodeChunk(in, 0, out, 0, rawLength);
        } catch (LZFException e) {
            throw new IllegalArgumentException("corrupt LZF data", e);
        }
        return out;
    }
}
