package io.lakegate.engine.server;

import io.lakegate.engine.chdb.ChdbConnection;

/** A chDB connection held exclusively for one request; {@link #release} hands it back (or throws it away). */
interface ConnectionLease {
    ChdbConnection connection();

    /** True when the request may leave state on the connection that outlives it (a session). */
    boolean keepsState();

    /** @param reusable false if the request left state that must not reach the next user of the connection */
    void release(boolean reusable);
}
