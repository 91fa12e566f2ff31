package io.lakegate.schema.liquibase;

import liquibase.Scope;
import liquibase.database.Database;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LockException;
import liquibase.lockservice.DatabaseChangeLogLock;
import liquibase.lockservice.LockService;

import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/**
 * The changelog lock on ClickHouse. ClickHouse has no transactions and its mutations are asynchronous, so a lock row
 * updated in place cannot exclude anyone. Creating a table can: {@code CREATE TABLE} without {@code IF NOT EXISTS}
 * succeeds for exactly one of several concurrent callers. Holding the lock is owning the lock table; releasing it is
 * dropping the table. A lock left by a killed process is released with {@code lakegate schema release-locks}.
 */
public class ClickHouseLockService implements LockService {
    private static final int TABLE_ALREADY_EXISTS = 57;
    private static final int UNKNOWN_DATABASE = 81;

    private Database database;
    private boolean hasLock;
    private long waitMillis = 5 * 60_000L;
    private long recheckMillis = 1_000L;

    @Override
    public int getPriority() {
        return PRIORITY_DATABASE;
    }

    @Override
    public boolean supports(Database database) {
        return database instanceof ClickHouseDatabase;
    }

    @Override
    public void setDatabase(Database database) {
        this.database = database;
    }

    @Override
    public void setChangeLogLockWaitTime(long minutes) {
        this.waitMillis = minutes * 60_000L;
    }

    @Override
    public void setChangeLogLockRecheckTime(long seconds) {
        this.recheckMillis = seconds * 1000L;
    }

    @Override
    public boolean hasChangeLogLock() {
        return hasLock;
    }

    @Override
    public void waitForLock() throws LockException {
        long deadline = System.currentTimeMillis() + waitMillis;
        while (!acquireLock()) {
            if (System.currentTimeMillis() > deadline) {
                DatabaseChangeLogLock[] locks = listLocks();
                String holder = locks.length == 0 ? "another process" : locks[0].getLockedBy() + " since "
                        + locks[0].getLockGranted();
                throw new LockException("Could not acquire the changelog lock: it is held by " + holder + ". If that "
                        + "process is gone, run `lakegate schema release-locks`.");
            }
            try {
                Thread.sleep(recheckMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LockException("Interrupted while waiting for the changelog lock");
            }
        }
    }

    @Override
    public boolean acquireLock() throws LockException {
        if (hasLock) {
            return true;
        }
        try (Statement s = connection().createStatement()) {
            s.execute("CREATE TABLE " + lockTable() + " (LOCKEDBY String, LOCKGRANTED DateTime64(3, 'UTC')) "
                    + "ENGINE = MergeTree ORDER BY tuple()");
            hasLock = true;
        } catch (SQLException e) {
            if (e.getErrorCode() == TABLE_ALREADY_EXISTS || String.valueOf(e.getMessage()).contains("already exists")) {
                return false;
            }
            if (e.getErrorCode() == UNKNOWN_DATABASE || String.valueOf(e.getMessage()).contains("UNKNOWN_DATABASE")) {
                // update-sql on a database that does not exist yet: nothing there to race for, nothing to lock
                hasLock = true;
                return true;
            }
            throw new LockException("Could not create the changelog lock table: " + e.getMessage(), e);
        }
        if (!hasLock) {
            return false;
        }
        try (PreparedStatement ps = connection().prepareStatement("INSERT INTO " + lockTable()
                + " (LOCKEDBY, LOCKGRANTED) VALUES (?, now64(3))")) {
            ps.setString(1, holderName());
            ps.executeUpdate();
        } catch (SQLException e) {
            Scope.getCurrentScope().getLog(getClass()).warning("Could not record the lock holder: " + e.getMessage());
        }
        return true;
    }

    @Override
    public void releaseLock() throws LockException {
        if (!hasLock) {
            return;
        }
        dropLockTable();
        hasLock = false;
    }

    @Override
    public DatabaseChangeLogLock[] listLocks() throws LockException {
        if (!ClickHouseChangeLogHistoryService.tableExists(database, lockTableName())) {
            return new DatabaseChangeLogLock[0];
        }
        List<DatabaseChangeLogLock> locks = new ArrayList<>();
        try (Statement s = connection().createStatement();
             ResultSet rs = s.executeQuery("SELECT LOCKEDBY, LOCKGRANTED FROM " + lockTable())) {
            while (rs.next()) {
                locks.add(new DatabaseChangeLogLock(1, new Date(rs.getTimestamp(2).getTime()), rs.getString(1)));
            }
        } catch (SQLException e) {
            // dropped between the check and the read: nobody holds it any more
            return new DatabaseChangeLogLock[0];
        }
        if (locks.isEmpty()) {
            locks.add(new DatabaseChangeLogLock(1, new Date(), "unknown holder"));
        }
        return locks.toArray(new DatabaseChangeLogLock[0]);
    }

    @Override
    public void forceReleaseLock() throws LockException {
        dropLockTable();
        hasLock = false;
    }

    @Override
    public void reset() {
        hasLock = false;
    }

    @Override
    public void init() {
        // nothing to prepare: the lock table exists only while the lock is held
    }

    @Override
    public void destroy() throws LockException {
        forceReleaseLock();
    }

    private void dropLockTable() throws LockException {
        try (Statement s = connection().createStatement()) {
            s.execute("DROP TABLE IF EXISTS " + lockTable() + " SYNC");
        } catch (SQLException e) {
            if (e.getErrorCode() == UNKNOWN_DATABASE || String.valueOf(e.getMessage()).contains("UNKNOWN_DATABASE")) {
                return;
            }
            throw new LockException("Could not release the changelog lock: " + e.getMessage(), e);
        }
    }

    private String lockTableName() {
        return database.getDatabaseChangeLogLockTableName();
    }

    private String lockTable() {
        return database.escapeTableName(null, database.getLiquibaseSchemaName(), lockTableName());
    }

    private Connection connection() {
        return ((JdbcConnection) database.getConnection()).getUnderlyingConnection();
    }

    private static String holderName() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "unknown-host";
        }
        return host + " (pid " + ProcessHandle.current().pid() + ")";
    }
}
