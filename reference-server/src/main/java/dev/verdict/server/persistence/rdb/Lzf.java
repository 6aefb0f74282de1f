package dev.verdict.server.persistence.rdb;

import com.ning.compress.lzf.ChunkDecoder;
import com.ning.compress.lzf.LZFException;
import com.ning.compress.lzf.util.ChunkDecoderFactory;

/**
 * Raw LZF blocks as Redis's liblzf reads and writes them (no LZF chunk headers). Decoding uses
 * compress-lzf's low-level chunk decoder; encoding uses {@link LzfCompressor}, which picks the
 * same matches as liblzf so that our files and DUMP payloads are byte-identical to Redis's.
 */
public final class Lzf {

    private static final ChunkDecoder DECODER = ChunkDecoderFactory.safeInstance();
    /** One encoder per thread: its hash table is reused (saving runs off the event loop too). */
    private static final ThreadLocal<LzfCompressor> ENCODER = ThreadLocal.withInitial(LzfCompressor::new);

    private Lzf() {
    }

    /**
     * lzf_compress with Redis's output limit (len - 4): the compressed bytes, or null when they
     * would not save at least 4 bytes (Redis then stores the string raw).
     */
    public static byte[] compress(byte[] in) {
        if (in.length <= 4) return null;
        return ENCODER.get().compress(in, in.length - 4);
    }

    /** lzf_decompress into exactly {@code originalLength} bytes. */
    public static byte[] decompress(byte[] in, int originalLength) throws RdbException {
        byte[] out = new byte[originalLength];
        try {
            DECODER.decodeChunk(in, 0, out, 0, originalLength);
        } catch (LZFException | ArrayIndexOutOfBoundsException e) {
            throw new RdbException("Invalid LZF compressed string");
        }
        return out;
    }
}
