package io.lakegate.engine.protocol;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ClickHouseExceptionTest {
    @Test
    void parsesServerTextAndWritesItBackInTheSameShape() {
        ClickHouseException e = ClickHouseException.fromServerText("Code: 60. DB::Exception: Unknown table expression "
                + "identifier 'nope' in scope SELECT * FROM nope. Maybe you meant system.one?. (UNKNOWN_TABLE)");
        assertThat(e.code()).isEqualTo(60);
        assertThat(e.errorName()).isEqualTo("UNKNOWN_TABLE");
        assertThat(e.httpStatus()).isEqualTo(404);
        assertThat(e.toWireText("26.7")).isEqualTo("Code: 60. DB::Exception: Unknown table expression identifier "
                + "'nope' in scope SELECT * FROM nope. Maybe you meant system.one?. (UNKNOWN_TABLE) (version 26.7)\n");
    }

    @Test
    void unwrapsErrorsThatRepeatThemselves() {
        ClickHouseException e = ClickHouseException.fromServerText("Code: 73. DB::Exception: Code: 73. DB::Exception: "
                + "Unknown format Bogus. (UNKNOWN_FORMAT) (version 26.7.2.1). (UNKNOWN_FORMAT)");
        assertThat(e.getMessage()).isEqualTo("Unknown format Bogus");
        assertThat(e.httpStatus()).isEqualTo(404);
    }

    @Test
    void statusMapping() {
        assertThat(ErrorCode.httpStatus("REQUIRED_PASSWORD")).isEqualTo(401);
        assertThat(ErrorCode.httpStatus("AUTHENTICATION_FAILED")).isEqualTo(403);
        assertThat(ErrorCode.httpStatus("SYNTAX_ERROR")).isEqualTo(400);
        assertThat(ErrorCode.httpStatus("CANNOT_PARSE_DATETIME")).isEqualTo(400);
        assertThat(ErrorCode.httpStatus("QUERY_IS_TOO_LARGE")).isEqualTo(413);
        assertThat(ErrorCode.httpStatus("TIMEOUT_EXCEEDED")).isEqualTo(408);
        assertThat(ErrorCode.httpStatus("NOT_IMPLEMENTED")).isEqualTo(501);
        assertThat(ErrorCode.httpStatus("MEMORY_LIMIT_EXCEEDED")).isEqualTo(500);
    }
}
