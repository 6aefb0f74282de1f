package dev.verdict.server.persistence;

import redis.clients.jedis.Jedis;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A dataset covering every type and encoding Redis 7.0 saves, with TTLs and several databases. */
public final class Workload {

    private Workload() {
    }

    public static void fill(Jedis j) {
        j.select(0);
        j.set("s:int", "12345");
        j.set("s:bigint", "12345678901234");
        j.set("s:neg", "-42");
        j.set("s:embstr", "hello world");
        j.set("s:raw", "r".repeat(100));
        j.set("s:text", "the quick brown fox jumps over the lazy dog ".repeat(20));
        byte[] noise = new byte[500];
        new java.util.Random(1).nextBytes(noise);
        j.set("s:binary".getBytes(StandardCharsets.UTF_8), noise);
        j.set("s:empty", "");
        j.setex("s:ttl", 1000, "expiring");
        j.set("s:pttl", "x");
        j.pexpire("s:pttl", 500_000);
        j.append("s:appended", "abc");
        j.append("s:appended", "def");
        j.setbit("s:bits", 1000, true);
        j.rpush("l:small", "a", "b", "1", "2", "-3", "c".repeat(70));
        List<String> big = new ArrayList<>();
        for (int i = 0; i < 3000; i++) big.add("element-" + i + (i % 7 == 0 ? "-" + "y".repeat(i % 50) : ""));
        j.rpush("l:big", big.toArray(new String[0]));
        j.expire("l:big", 2000);
        j.sadd("set:intset", "1", "2", "3", "-100", "100000", "5000000000");
        j.sadd("set:table", "a", "b", "c", "1");
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 600; i++) many.add(Integer.toString(i * 3));
        j.sadd("set:bigints", many.toArray(new String[0]));
        j.zadd("z:lp", Map.of("a", 1.0, "b", 2.5, "c", -3.0, "10", 10.0));
        for (int i = 0; i < 200; i++) j.zadd("z:skip", i * 1.5 - 50, "member-" + i);
        j.zadd("z:skip", Double.POSITIVE_INFINITY, "inf");
        j.zadd("z:skip", Double.NEGATIVE_INFINITY, "-inf");
        j.zadd("z:long", 1, "m".repeat(100));
        j.hset("h:lp", Map.of("f1", "v1", "f2", "2", "f3", "three"));
        for (int i = 0; i < 300; i++) j.hset("h:table", "field-" + i, "value-" + i);
        j.hset("h:longval", "f", "v".repeat(100));
        j.expire("h:lp", 3000);
        j.select(3);
        j.set("db3:key", "in db 3");
        j.rpush("db3:list", "x", "y");
        j.select(0);
    }

    static Set<String> keys(Jedis j) {
        return j.keys("*");
    }
}
