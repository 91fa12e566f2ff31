package io.lakegate.engine.protocol;

/**
 * The ClickHouse error codes lakegate raises itself (numbers as ClickHouse's {@code errorCodeToName} gives them), and
 * the HTTP status the ClickHouse HTTP interface answers each error with.
 */
public enum ErrorCode {
    UNSUPPORTED_METHOD(1),
    CANNOT_PARSE_TEXT(6),
    BAD_ARGUMENTS(36),
    CANNOT_PARSE_DATE(38),
    TOO_LARGE_SIZE_COMPRESSED(39),
    CANNOT_PARSE_DATETIME(41),
    NUMBER_OF_ARGUMENTS_DOESNT_MATCH(42),
    ILLEGAL_TYPE_OF_ARGUMENT(43),
    UNKNOWN_FUNCTION(46),
    UNKNOWN_IDENTIFIER(47),
    NOT_IMPLEMENTED(48),
    LOGICAL_ERROR(49),
    UNKNOWN_TYPE(50),
    TYPE_MISMATCH(53),
    ILLEGAL_TYPE_OF_COLUMN_FOR_FILTER(59),
    UNKNOWN_TABLE(60),
    SYNTAX_ERROR(62),
    UNKNOWN_FORMAT(73),
    UNKNOWN_DATABASE(81),
    UNKNOWN_COMPRESSION_METHOD(89),
    UNKNOWN_SETTING(115),
    TIMEOUT_EXCEEDED(159),
    READONLY(164),
    MULTIPLE_EXPRESSIONS_FOR_ALIAS(179),
    ILLEGAL_AGGREGATION(184),
    UNKNOWN_USER(192),
    WRONG_PASSWORD(193),
    REQUIRED_PASSWORD(194),
    TOO_MANY_SIMULTANEOUS_QUERIES(202),
    AMBIGUOUS_COLUMN_NAME(207),
    NETWORK_ERROR(210),
    NOT_AN_AGGREGATE(215),
    QUERY_IS_TOO_LARGE(229),
    MEMORY_LIMIT_EXCEEDED(241),
    UNION_ALL_RESULT_STRUCTURES_MISMATCH(258),
    CANNOT_DECOMPRESS(271),
    SESSION_NOT_FOUND(372),
    SESSION_IS_LOCKED(373),
    INVALID_SESSION_TIMEOUT(374),
    QUERY_WAS_CANCELLED(394),
    TOO_MANY_ROWS_OR_BYTES(396),
    UNKNOWN_QUERY_PARAMETER(456),
    BAD_QUERY_PARAMETER(457),
    ACCESS_DENIED(497),
    AUTHENTICATION_FAILED(516),
    UNKNOWN_EXCEPTION(1002);

    private final int code;

    ErrorCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    /** The HTTP status of an error by its ClickHouse name, as the server's HTTP handler maps it. */
    public static int httpStatus(String name) {
        if (name == null) {
            return 500;
        }
        switch (name) {
            case "REQUIRED_PASSWORD":
                return 401;
            case "UNKNOWN_USER":
            case "WRONG_PASSWORD":
            case "AUTHENTICATION_FAILED":
            case "ACCESS_DENIED":
            case "DATABASE_ACCESS_DENIED":
            case "READONLY":
            case "IP_ADDRESS_NOT_ALLOWED":
                return 403;
            case "SYNTAX_ERROR":
            case "BAD_ARGUMENTS":
            case "TYPE_MISMATCH":
            case "INCORRECT_DATA":
            case "INCORRECT_QUERY":
            case "UNKNOWN_QUERY_PARAMETER":
            case "BAD_QUERY_PARAMETER":
            case "INVALID_SESSION_TIMEOUT":
            case "TOO_DEEP_AST":
            case "TOO_BIG_AST":
            case "UNKNOWN_TYPE":
            case "UNKNOWN_COMPRESSION_METHOD":
            case "CANNOT_DECOMPRESS":
            case "TOO_LARGE_SIZE_COMPRESSED":
                return 400;
            case "UNKNOWN_TABLE":
            case "UNKNOWN_DATABASE":
            case "UNKNOWN_FUNCTION":
            case "UNKNOWN_IDENTIFIER":
            case "UNKNOWN_SETTING":
            case "UNKNOWN_FORMAT":
            case "UNKNOWN_AGGREGATE_FUNCTION":
            case "UNKNOWN_ELEMENT_IN_CONFIG":
            case "SESSION_NOT_FOUND":
                return 404;
            case "QUERY_IS_TOO_LARGE":
                return 413;
            case "TIMEOUT_EXCEEDED":
                return 408;
            case "NOT_IMPLEMENTED":
            case "UNSUPPORTED_METHOD":
                return 501;
            case "TOO_MANY_SIMULTANEOUS_QUERIES":
                return 503;
            default:
                return name.startsWith("CANNOT_PARSE") ? 400 : 500;
        }
    }
}
