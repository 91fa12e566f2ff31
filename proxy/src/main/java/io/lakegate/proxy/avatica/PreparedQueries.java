package io.lakegate.proxy.avatica;

import org.apache.calcite.avatica.Meta.Signature;
import org.apache.calcite.avatica.Meta.StatementHandle;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each prepared statement was prepared from, kept on the gateway. An execute request carries the statement's
 * handle, signature and all, back from the client, so nothing in it but the ids can be believed: the audit line and
 * the result's signature come from here.
 */
final class PreparedQueries {
    /**
     * @param received  the tenant's SQL
     * @param run       the SQL the gateway planned from it, which the statement holds in ClickHouse
     * @param signature the signature the prepare answered with
     */
    record Prepared(String received, String run, Signature signature) {
    }

    /** Statement ids are counted across all connections; the connection is part of the key all the same. */
    private record Key(String connectionId, int statementId) {
    }

    private final Map<Key, Prepared> prepared = new ConcurrentHashMap<>();

    void put(StatementHandle h, Prepared query) {
        prepared.put(new Key(h.connectionId, h.id), query);
    }

    /** What the statement was prepared from, or null when it was not prepared (or not on this connection). */
    Prepared get(StatementHandle h) {
        return prepared.get(new Key(h.connectionId, h.id));
    }

    void remove(String connectionId, int statementId) {
        prepared.remove(new Key(connectionId, statementId));
    }
}
