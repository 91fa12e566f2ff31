package io.lakegate.proxy.clickhouse;

import io.lakegate.engine.protocol.QueryResult;
import io.lakegate.proxy.gateway.QueryLifecycle;
import io.lakegate.proxy.gateway.ResultCache;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** An answer of the {@link ResultCache}, sent as ClickHouse sent it when it was kept. */
final class KeptAnswer implements QueryResult {
    private final ResultCache.Answer answer;
    private final QueryLifecycle.Query query;

    KeptAnswer(ResultCache.Answer answer, QueryLifecycle.Query query) {
        this.answer = answer;
        this.query = query;
    }

    @Override
    public Summary summary() {
        return new Summary(0, 0, 0, 0, answer.rows(), answer.body().length, 0);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        query.countBytes(answer.body().length);
        out.write(answer.body());
    }

    @Override
    public void close() {
        query.close(answer.rows());
    }

    /** A copy of an answer on its way through, kept once it has arrived whole and without an error. */
    static final class Keeping {
        private final ResultCache cache;
        private final ResultCache.Key key;
        private ByteArrayOutputStream copy = new ByteArrayOutputStream();

        Keeping(ResultCache cache, ResultCache.Key key) {
            this.cache = cache;
            this.key = key;
        }

        void write(byte[] bytes, int length) {
            if (copy != null && copy.size() + length > cache.maxAnswerBytes()) {
                copy = null; // too large to keep: passed on, not held
            }
            if (copy != null) {
                copy.write(bytes, 0, length);
            }
        }

        /**
         * The answer arrived whole. ClickHouse reports an error that happens after the first bytes in the body
         * itself: an answer that names an exception anywhere is not kept, a miss at worst.
         */
        void complete(long rows) {
            if (copy == null) {
                return;
            }
            byte[] body = copy.toByteArray();
            String text = new String(body, StandardCharsets.ISO_8859_1);
            if (!text.contains("DB::Exception") && !text.contains("__exception__")) {
                cache.put(key, new ResultCache.Answer(body, rows));
            }
        }
    }
}
