package io.lakegate.proxy.gateway;

import io.lakegate.engine.protocol.NativeBlockOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code decompress=1} bodies whose 25-byte block header claims a gigabyte. The door reads no body before the login
 * and refuses what the header claims instead of allocating it. A gateway of its own, so the bad logins here spend
 * no budget of the shared one.
 */
class ForgedCompressedBodyIT {
    private static final GatewayFixture FX = GatewayFixture.get();
    /** A checksum, LZ4, and compressed and decompressed sizes of 1 GiB - 1: under ClickHouse's own 1 GiB limit. */
    private static final byte[] FORGED = ByteBuffer.allocate(25).order(ByteOrder.LITTLE_ENDIAN).putLong(1).putLong(2)
            .put((byte) 0x82).putInt((1 << 30) - 1).putInt((1 << 30) - 1).array();
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    private static final long MB = 1 << 20;

    private static Gateway gateway;
    private static DoorRequests door;

    @BeforeAll
    static void start() throws Exception {
        gateway = Gateway.start(FX.target, FX.settings, new Gateway.Options("127.0.0.1", 0, 0, -1, null,
                GatewayFixture.LIMITS));
        door = new DoorRequests(gateway.httpPort());
    }

    @AfterAll
    static void stop() throws Exception {
        gateway.close();
    }

    @Test
    void withoutALoginTheBodyIsNeverRead() throws Exception {
        HttpResponse<String> none = door.post("/?decompress=1", FORGED, null, null);
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(DoorRequests.code(none)).isEqualTo("194");
        HttpResponse<String> madeUp = door.post("/?decompress=1", FORGED, "t1500_nobody", "guess");
        assertThat(madeUp.statusCode()).isEqualTo(403);
        assertThat(DoorRequests.code(madeUp)).isEqualTo("516");
        // The header promises a gigabyte more than is sent: a door that read the body first would wait for it.
        assertThat(statusLineOfTruncatedRequest(null)).isEqualTo("HTTP/1.1 401 Unauthorized");
    }

    @Test
    void afterALoginTheForgedSizeIsRefusedWithAClickHouseError() throws Exception {
        HttpResponse<String> r = door.post("/?decompress=1", FORGED, FX.tenant.username(), FX.tenant.password());
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(DoorRequests.code(r)).isEqualTo("39");
        assertThat(r.body()).startsWith("Code: 39. DB::Exception: Too large compressed block in the request body: "
                + "its header claims 1073741814 compressed and 1073741823 decompressed bytes, more than the limit of ")
                .contains("(TOO_LARGE_SIZE_COMPRESSED)");
        // under the limit but more than the body holds: found at the end of the body, not allocated before
        byte[] short1Mb = ByteBuffer.allocate(25).order(ByteOrder.LITTLE_ENDIAN).putLong(1).putLong(2).put((byte) 0x82)
                .putInt(900_000).putInt(900_000).array();
        HttpResponse<String> truncated = door.post("/?decompress=1", short1Mb, FX.tenant.username(),
                FX.tenant.password());
        assertThat(truncated.statusCode()).isEqualTo(400);
        assertThat(truncated.body()).startsWith("Code: 271. DB::Exception: Cannot decompress the request body: the "
                + "compressed body ends inside a block");
        assertThat(statusLineOfTruncatedRequest(DoorRequests.basic(FX.tenant.username(), FX.tenant.password())))
                .isEqualTo("HTTP/1.1 400 Bad Request");

        // honest compressed bodies still work, and the door still serves
        String sql = "SELECT count() FROM entity_operations";
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (OutputStream out = new NativeBlockOutputStream(compressed)) {
            out.write(sql.getBytes(StandardCharsets.UTF_8));
        }
        HttpResponse<String> honest = door.post("/?decompress=1", compressed.toByteArray(), FX.tenant.username(),
                FX.tenant.password());
        assertThat(honest.statusCode()).as(honest.body()).isEqualTo(200);
        assertThat(honest.body()).isEqualTo(door.query(sql, FX.tenant.username(), FX.tenant.password()).body());
    }

    @Test
    void forgedRequestsLeaveTheHeapAlone() throws Exception {
        Runtime runtime = Runtime.getRuntime();
        long usedBefore = runtime.totalMemory() - runtime.freeMemory();
        long allocatedBefore = allocatedByAllThreads();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(door.post("/?decompress=1", FORGED, null, null).statusCode());
            statuses.add(door.post("/?decompress=1", FORGED, FX.tenant.username(), FX.tenant.password()).statusCode());
        }
        long allocated = allocatedByAllThreads() - allocatedBefore;
        long usedGrowth = runtime.totalMemory() - runtime.freeMemory() - usedBefore;
        System.out.printf("12 forged decompress=1 requests: %d MB allocated by all threads, used heap %+d MB, "
                + "statuses %s%n", allocated / MB, usedGrowth / MB, statuses);
        assertThat(allocated).isLessThan(200 * MB);
        assertThat(usedGrowth).isLessThan(200 * MB);
        assertThat(statuses).containsExactly(401, 400, 401, 400, 401, 400, 401, 400, 401, 400, 401, 400);
    }

    /** Bytes allocated so far by the JVM's live threads (the door's worker threads are pooled and stay alive). */
    private static long allocatedByAllThreads() {
        long total = 0;
        for (long bytes : THREADS.getThreadAllocatedBytes(THREADS.getAllThreadIds())) {
            total += Math.max(0, bytes);
        }
        return total;
    }

    /**
     * Sends the forged header with a Content-Length a gigabyte longer than what follows, keeps the connection open,
     * and returns the status line, which must come while the rest of the body is still "on its way".
     */
    private static String statusLineOfTruncatedRequest(String authorization) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", gateway.httpPort()), 5000);
            socket.setSoTimeout(10_000);
            String head = "POST /?decompress=1 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + "Content-Length: " + ((1L << 30) + FORGED.length) + "\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.write(FORGED);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder line = new StringBuilder();
            for (int c; (c = in.read()) != -1 && c != '\r'; ) {
                line.append((char) c);
            }
            return line.toString();
        }
    }
}
