package io.lakegate.proxy.avatica;

import org.apache.calcite.avatica.Meta.Frame;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FramesAheadTest {
    private static final int ROWS = 3;
    private static final long TOTAL = 10;

    /** Rows 0..TOTAL-1, ROWS a frame, recording the offsets it was asked for. */
    private final List<Long> asked = new CopyOnWriteArrayList<>();
    private final FramesAhead.Reader rows = (offset, n) -> {
        asked.add(offset);
        List<Object> r = new ArrayList<>();
        for (long i = offset; i < Math.min(TOTAL, offset + n); i++) {
            r.add(new Object[] {i});
        }
        return Frame.create(offset, offset + n >= TOTAL, r);
    };

    @Test
    void theNextFrameIsReadBeforeTheClientAsksAndEveryRowComesOnceInOrder() throws Exception {
        FramesAhead ahead = new FramesAhead();
        List<Long> seen = new ArrayList<>();
        long offset = 0;
        for (Frame f = ahead.fetch(1, 0, ROWS, rows); ; f = ahead.fetch(1, offset, ROWS, rows)) {
            f.rows.forEach(r -> seen.add((Long) ((Object[]) r)[0]));
            offset += FramesAhead.count(f);
            if (f.done) {
                break;
            }
            // the next one is being read already, before the client asks for it
            long next = offset;
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!asked.contains(next) && System.nanoTime() < until) {
                Thread.sleep(1);
            }
            assertThat(asked).contains(next);
        }
        assertThat(seen).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
        assertThat(asked).containsExactly(0L, 3L, 6L, 9L); // each frame read once
    }

    @Test
    void aClientAskingForAnotherOffsetGetsThatOne() throws Exception {
        FramesAhead ahead = new FramesAhead();
        ahead.fetch(2, 0, ROWS, rows);
        Frame f = ahead.fetch(2, 6, ROWS, rows);
        assertThat(f.offset).isEqualTo(6);
    }

    @Test
    void droppingAStatementWaitsForTheReadUnderWay() throws Exception {
        CountDownLatch reading = new CountDownLatch(1);
        AtomicBoolean finished = new AtomicBoolean();
        FramesAhead.Reader slow = (offset, n) -> {
            if (offset > 0) {
                reading.countDown();
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                finished.set(true);
            }
            return rows.read(offset, n);
        };
        FramesAhead ahead = new FramesAhead();
        ahead.fetch(3, 0, ROWS, slow);
        assertThat(reading.await(5, TimeUnit.SECONDS)).isTrue();
        ahead.drop(3);
        assertThat(finished).isTrue(); // the result set is not closed under a read
    }

    @Test
    void aFailedReadAheadFailsTheFetchThatWantsIt() throws Exception {
        FramesAhead.Reader failing = (offset, n) -> {
            if (offset > 0) {
                throw new IllegalStateException("ClickHouse went away");
            }
            return rows.read(offset, n);
        };
        FramesAhead ahead = new FramesAhead();
        ahead.fetch(4, 0, ROWS, failing);
        assertThatThrownBy(() -> ahead.fetch(4, ROWS, ROWS, failing)).hasMessage("ClickHouse went away");
    }
}
