package dev.verdict.server.type.list;

import dev.verdict.server.config.ServerConfig;
import dev.verdict.server.db.Encoding;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ListTypeTest {

    private final ServerConfig config = ServerConfig.defaults();

    private static byte[] b(String s) {
        return s.getBytes();
    }

    private static List<String> strings(List<byte[]> values) {
        List<String> out = new ArrayList<>();
        for (byte[] v : values) out.add(new String(v));
        return out;
    }

    @Test
    void removeWithTheSmallestCountRemovesEveryMatchAsRedisDoes() {
        ListValue list = ListType.create();
        for (String v : List.of("x", "a", "x", "b", "x")) ListType.push(list, b(v), false, config);
        assertThat(ListType.remove(list, b("x"), Long.MIN_VALUE)).isEqualTo(3);
        assertThat(ListType.length(list)).isEqualTo(2);
    }

    @Test
    void everyListReportsQuicklistAsRedis70Does() {
        ListValue list = ListType.create();
        ListType.push(list, b("a"), false, config);
        assertThat(list.encoding()).isEqualTo(Encoding.QUICKLIST);
    }

    @Test
    void lremWithTheSmallestLongCountRemovesEveryMatchAsRedisDoes() {
        ListValue list = ListType.create();
        for (String v : new String[] {"x", "a", "x", "b", "x"}) ListType.push(list, b(v), false, config);
        assertThat(ListType.remove(list, b("x"), Long.MIN_VALUE)).isEqualTo(3);
        assertThat(ListType.length(list)).isEqualTo(2);
    }

    @Test
    void nodesFillUpToEightKilobytesByDefault() {
        ListValue list = ListType.create();
        for (int i = 0; i < 100; i++) ListType.push(list, b("x".repeat(1000)), false, config);
        assertThat(list.quicklist().nodeCount()).isBetween(12, 14);
        for (var node : list.quicklist().nodes()) assertThat(node.bytes()).isLessThanOrEqualTo(8192);
    }

    @Test
    void positiveFillCapsEntriesPerNode() {
        ServerConfig five = ServerConfig.fromArgs("--list-max-listpack-size", "5");
        ListValue list = ListType.create();
        for (int i = 0; i < 23; i++) ListType.push(list, b("v" + i), true, five);
        assertThat(list.quicklist().nodeCount()).isEqualTo(5);
    }

    @Test
    void randomOperationsAgreeWithAnArrayListAcrossNodes() {
        randomOperationsAgreeWithModel(ServerConfig.fromArgs("--list-max-listpack-size", "3"));
    }

    @Test
    void randomOperationsAgreeWithAnArrayListWithCompressedInnerNodes() {
        randomOperationsAgreeWithModel(ServerConfig.fromArgs("--list-max-listpack-size", "3", "--list-compress-depth", "1"));
    }

    @Test
    void innerNodesAreLzfCompressedBeyondTheDepthAndReadBack() {
        ServerConfig config = ServerConfig.fromArgs("--list-max-listpack-size", "-1", "--list-compress-depth", "2");
        ListValue list = ListType.create();
        for (int i = 0; i < 2000; i++) ListType.push(list, b("element-number-" + i), false, config);
        QuickList q = list.quicklist();
        assertThat(q.nodeCount()).isGreaterThan(6);
        assertThat(q.compressedNodeCount()).isEqualTo(q.nodeCount() - 4);
        assertThat(strings(ListType.range(list, 1000, 1002))).containsExactly(
                "element-number-1000", "element-number-1001", "element-number-1002");
        ListType.compress(list, config);
        assertThat(q.compressedNodeCount()).isEqualTo(q.nodeCount() - 4);
        long raw = 0;
        for (var node : q.nodes()) raw += node.bytes();
        assertThat(q.storedBytes()).isLessThan(raw);
    }

    private void randomOperationsAgreeWithModel(ServerConfig three) {
        Random random = new Random(7);
        ListValue list = ListType.create();
        List<String> model = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            String v = Integer.toString(random.nextInt(20));
            int op = random.nextInt(7);
            if (op <= 1 || model.isEmpty()) {
                boolean head = random.nextBoolean();
                ListType.push(list, b(v), head, three);
                if (head) model.add(0, v);
                else model.add(v);
            } else if (op == 2) {
                boolean head = random.nextBoolean();
                String popped = new String(ListType.pop(list, head));
                assertThat(popped).isEqualTo(head ? model.remove(0) : model.remove(model.size() - 1));
            } else if (op == 3) {
                boolean after = random.nextBoolean();
                int at = model.indexOf(v);
                boolean inserted = ListType.insert(list, b(v), b("i"), after, three);
                assertThat(inserted).isEqualTo(at >= 0);
                if (at >= 0) model.add(after ? at + 1 : at, "i");
            } else if (op == 4) {
                long count = random.nextInt(5) - 2;
                long removed = ListType.remove(list, b(v), count);
                long expected = 0;
                if (count >= 0) {
                    for (int k = 0; k < model.size() && (count == 0 || expected < count); ) {
                        if (model.get(k).equals(v)) {
                            model.remove(k);
                            expected++;
                        } else k++;
                    }
                } else {
                    for (int k = model.size() - 1; k >= 0 && expected < -count; k--) {
                        if (model.get(k).equals(v)) {
                            model.remove(k);
                            expected++;
                        }
                    }
                }
                assertThat(removed).isEqualTo(expected);
            } else if (op == 5) {
                int idx = random.nextInt(model.size());
                ListType.set(list, idx, b("s"));
                model.set(idx, "s");
            } else if (model.size() > 10) {
                ListType.trim(list, 1, -2);
                model = new ArrayList<>(model.subList(1, model.size() - 1));
            }
            assertThat(ListType.length(list)).isEqualTo(model.size());
        }
        assertThat(strings(ListType.elements(list))).isEqualTo(model);
        assertThat(strings(ListType.range(list, -5, -1))).isEqualTo(model.subList(model.size() - 5, model.size()));
        if (!model.isEmpty()) {
            String first = model.get(0);
            assertThat(ListType.positions(list, b(first), 1, 1, 0)).containsExactly(0L);
        }
        assertThat(Arrays.equals(ListType.index(list, -1), b(model.get(model.size() - 1)))).isTrue();
    }
}
