package io.lakegate.engine.protocol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SqlScannerTest {
    @Test
    void countsStatementsIgnoringSemicolonsInStringsNamesAndComments() {
        assertThat(SqlScanner.scan("SELECT ';' AS `a;b` -- ; comment\n").statementCount()).isEqualTo(1);
        assertThat(SqlScanner.scan("SELECT 1; ").statementCount()).isEqualTo(1);
        assertThat(SqlScanner.scan("SELECT 1; SELECT 2").statementCount()).isEqualTo(2);
        assertThat(SqlScanner.scan("/* a; /* nested; */ b */ SELECT 1").statementCount()).isEqualTo(1);
        assertThat(SqlScanner.scan("  -- only a comment").statementCount()).isZero();
        assertThat(SqlScanner.scan("SELECT 'it\\'s; fine'").statementCount()).isEqualTo(1);
    }

    @Test
    void findsTheOutputFormat() {
        assertThat(SqlScanner.scan("SELECT 1 FORMAT JSONEachRow").outputFormat()).isEqualTo("JSONEachRow");
        assertThat(SqlScanner.scan("SELECT 1 format CSV SETTINGS max_threads = 1").outputFormat()).isEqualTo("CSV");
        assertThat(SqlScanner.scan("SELECT formatDateTime(now(), '%Y') FROM t").outputFormat()).isNull();
        assertThat(SqlScanner.scan("SELECT 'FORMAT JSON'").outputFormat()).isNull();
        assertThat(SqlScanner.scan("SELECT format FROM t").outputFormat()).isNull();
        assertThat(SqlScanner.scan("SELECT (SELECT 1 FORMAT CSV)").outputFormat()).isNull();
    }

    @Test
    void splitsInsertDataFromTheStatement() {
        String sql = "INSERT INTO t (a, b) FORMAT CSV\n1,'x;y'\n2,\"unbalanced";
        SqlScanner s = SqlScanner.scan(sql);
        assertThat(s.isInsert()).isTrue();
        assertThat(s.insertFormat()).isEqualTo("CSV");
        assertThat(sql.substring(0, s.insertFormatStart()).strip()).isEqualTo("INSERT INTO t (a, b)");
        assertThat(sql.substring(s.insertDataStart())).isEqualTo("1,'x;y'\n2,\"unbalanced");
        assertThat(s.statementCount()).isEqualTo(1);
        assertThat(SqlScanner.scan("INSERT INTO t VALUES (1)").insertFormat()).isNull();
        assertThat(SqlScanner.scan("SELECT 1 FORMAT CSV").insertFormat()).isNull();
    }

    @Test
    void firstKeywordSkipsParentheses() {
        assertThat(SqlScanner.scan("(SELECT 1)").firstKeyword()).isEqualTo("SELECT");
        assertThat(SqlScanner.scan("  set max_threads = 1").firstKeyword()).isEqualTo("SET");
        assertThat(SqlScanner.scan("").firstKeyword()).isEmpty();
    }

    @Test
    void reportsUnterminatedText() {
        assertThat(SqlScanner.scan("SELECT 'open").unterminated()).isTrue();
        assertThat(SqlScanner.scan("SELECT /* open").unterminated()).isTrue();
        assertThat(SqlScanner.scan("SELECT 'closed'").unterminated()).isFalse();
    }
}
