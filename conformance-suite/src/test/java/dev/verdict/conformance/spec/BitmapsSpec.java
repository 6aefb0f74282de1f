package dev.verdict.conformance.spec;

import static dev.verdict.conformance.spec.Replies.*;

/** Bitmaps: SETBIT/GETBIT, BITCOUNT, BITPOS, BITOP, BITFIELD (Redis 7.0). */
@SpecSuite(family = "bitmaps")
class BitmapsSpec {

    @SpecCase("SETBIT")
    void setbitReturnsPreviousBitAndGrowsTheString(SpecSession s) {
        s.call("SETBIT", "b", "7", "1").is(integer(0));
        s.call("SETBIT", "b", "7", "1").is(integer(1));
        s.call("GET", "b").is(bulk(new byte[] {1}));
        s.call("SETBIT", "b", "16", "1").is(integer(0));
        s.call("STRLEN", "b").is(integer(3));
        s.call("SETBIT", "b", "7", "0").is(integer(1));
        s.call("GET", "b").is(bulk(new byte[] {0, 0, (byte) 0x80}));
    }

    @SpecCase("SETBIT")
    void setbitRejectsBadBitsAndOffsets(SpecSession s) {
        s.call("SETBIT", "b", "0", "2").is(error("ERR bit is not an integer or out of range"));
        s.call("SETBIT", "b", "-1", "1").is(error("ERR bit offset is not an integer or out of range"));
        s.call("SETBIT", "b", "4294967296", "1").is(error("ERR bit offset is not an integer or out of range"));
        s.call("LPUSH", "l", "a").is(integer(1));
        s.call("SETBIT", "l", "0", "1").is(wrongType());
    }

    @SpecCase("GETBIT")
    void getbitBeyondTheStringIsZero(SpecSession s) {
        s.call("SET", "k", "a").is(ok());
        s.call("GETBIT", "k", "1").is(integer(1));
        s.call("GETBIT", "k", "0").is(integer(0));
        s.call("GETBIT", "k", "100").is(integer(0));
        s.call("GETBIT", "missing", "0").is(integer(0));
    }

    @SpecCase("BITCOUNT")
    void bitcountCountsSetBitsInByteOrBitRanges(SpecSession s) {
        s.call("SET", "k", "foobar").is(ok());
        s.call("BITCOUNT", "k").is(integer(26));
        s.call("BITCOUNT", "k", "0", "0").is(integer(4));
        s.call("BITCOUNT", "k", "1", "1").is(integer(6));
        s.call("BITCOUNT", "k", "-2", "-1").is(integer(7));
        s.call("BITCOUNT", "k", "1", "1", "BYTE").is(integer(6));
        s.call("BITCOUNT", "k", "5", "30", "BIT").is(integer(17));
        s.call("BITCOUNT", "missing").is(integer(0));
        s.call("BITCOUNT", "k", "0").is(syntaxError());
        s.call("BITCOUNT", "k", "0", "1", "NIBBLE").is(syntaxError());
    }

    @SpecCase("BITPOS")
    void bitposFindsFirstSetOrClearBit(SpecSession s) {
        s.call("SET".getBytes(), "b".getBytes(), new byte[] {(byte) 0xff, (byte) 0xf0, 0}).is(ok());
        s.call("BITPOS", "b", "0").is(integer(12));
        s.call("BITPOS", "b", "1", "2").is(integer(-1));
        s.call("BITPOS", "b", "1", "1").is(integer(8));
        s.call("BITPOS", "b", "1", "7", "15", "BIT").is(integer(7));
        s.call("SET".getBytes(), "ones".getBytes(), new byte[] {(byte) 0xff, (byte) 0xff}).is(ok());
        s.call("BITPOS", "ones", "0").is(integer(16));
        s.call("BITPOS", "ones", "0", "0", "-1").is(integer(-1));
        s.call("BITPOS", "missing", "0").is(integer(0));
        s.call("BITPOS", "missing", "1").is(integer(-1));
        s.call("BITPOS", "b", "2").is(error("ERR The bit argument must be 1 or 0."));
    }

    @SpecCase("BITOP")
    void bitopCombinesStringsPaddingWithZeros(SpecSession s) {
        s.call("SET", "a", "foobar").is(ok());
        s.call("SET", "b", "abcdef").is(ok());
        s.call("BITOP", "AND", "dest", "a", "b").is(integer(6));
        s.call("GET", "dest").is(bulk("`bc`ab"));
        s.call("BITOP", "OR", "dest", "a", "b").is(integer(6));
        s.call("GET", "dest").is(bulk("goofev"));
        s.call("SET".getBytes(), "x".getBytes(), new byte[] {(byte) 0x0f}).is(ok());
        s.call("BITOP", "NOT", "dest", "x").is(integer(1));
        s.call("GET", "dest").is(bulk(new byte[] {(byte) 0xf0}));
        s.call("BITOP", "XOR", "dest", "x", "missing").is(integer(1));
        s.call("GET", "dest").is(bulk(new byte[] {0x0f}));
        s.call("BITOP", "NOT", "dest", "a", "b").is(error("ERR BITOP NOT must be called with a single source key."));
        s.call("BITOP", "NAND", "dest", "a").is(syntaxError());
        s.call("BITOP", "AND", "dest", "missing").is(integer(0));
        s.call("EXISTS", "dest").is(integer(0));
    }

    @SpecCase("BITFIELD")
    void bitfieldGetSetIncrbyWithOverflowModes(SpecSession s) {
        s.call("BITFIELD", "bf", "SET", "u8", "0", "255", "GET", "u8", "0").is(array(0, 255));
        s.call("BITFIELD", "bf", "INCRBY", "u8", "0", "10").is(array(9));
        s.call("BITFIELD", "bf", "OVERFLOW", "SAT", "INCRBY", "u8", "0", "300").is(array(255));
        s.call("BITFIELD", "bf", "OVERFLOW", "FAIL", "INCRBY", "u8", "0", "1").is(array((Object) null));
        s.call("BITFIELD", "bf", "SET", "i8", "#1", "-128", "GET", "i8", "8").is(array(0, -128));
        s.call("BITFIELD", "bf", "GET", "u4", "0", "GET", "i4", "0").is(array(15, -1));
        s.call("BITFIELD", "bf", "GET", "u64", "0").is(error(
                "ERR Invalid bitfield type. Use something like i16 u8. Note that u64 is not supported but i64 is."));
        s.call("BITFIELD", "bf", "GET", "u8", "-1").is(error("ERR bit offset is not an integer or out of range"));
        s.call("BITFIELD", "bf", "OVERFLOW", "MAYBE", "GET", "u8", "0").is(error("ERR Invalid OVERFLOW type specified"));
        s.call("BITFIELD", "empty").is(emptyArray());
    }

    @SpecCase("BITFIELD_RO")
    void bitfieldRoOnlyReads(SpecSession s) {
        s.call("SET", "k", "A").is(ok());
        s.call("BITFIELD_RO", "k", "GET", "u8", "0").is(array(65));
        s.call("BITFIELD_RO", "k", "SET", "u8", "0", "1").is(error("ERR BITFIELD_RO only supports the GET subcommand"));
    }
}
