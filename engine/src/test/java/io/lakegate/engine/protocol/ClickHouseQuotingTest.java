package io.lakegate.engine.protocol;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClickHouseQuotingTest {
    private static final String ALPHABET = "ab'\"`\\\n\r\t\0$é中{}";

    @Test
    void everyPrintedLiteralAndNameReadsBackAsItsValue() {
        Random random = new Random(7);
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int k = random.nextInt(12); k > 0; k--) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            String value = sb.toString();
            for (String printed : new String[] {ClickHouseQuoting.string(value), ClickHouseQuoting.plainString(value)}) {
                SqlScanner.Token token = SqlScanner.scan(printed).tokens().get(0);
                assertThat(SqlScanner.scan(printed).tokens()).as(printed).hasSize(1);
                assertThat(token.value()).as(printed).isEqualTo(value);
            }
            String name = ClickHouseQuoting.identifier(value);
            assertThat(SqlScanner.scan(name).tokens()).as(name).hasSize(1);
            assertThat(SqlScanner.scan(name).tokens().get(0).value()).isEqualTo(value);
        }
    }

    @Test
    void aNameEndingInABackslashDoesNotEscapeItsClosingQuote() {
        assertThat(ClickHouseQuoting.identifier("a\\")).isEqualTo("`a\\\\`");
        assertThat(SqlScanner.scan(ClickHouseQuoting.identifier("a\\") + ", `b`").tokens()).hasSize(3);
    }

    @Test
    void escapesDecodeAsClickHouseReadsThem() {
        assertThat(ClickHouseQuoting.decode("a\\x41\\n\\zb''", '\'')).isEqualTo("aA\n\\zb'");
        assertThatThrownBy(() -> ClickHouseQuoting.decode("\\xE2", '\'')).hasMessageContaining("raw byte");
        assertThatThrownBy(() -> ClickHouseQuoting.decode("\\xZZ", '\'')).hasMessageContaining("hexadecimal");
    }

    @Test
    void theLexerEndsStringsWhereClickHouseDoes() {
        assertThat(SqlScanner.scan("SELECT $$a;'$$; SELECT 2").statementCount()).isEqualTo(2);
        assertThat(SqlScanner.scan("SELECT $t$ $$ ; $t$").statementCount()).isEqualTo(1);
        assertThat(SqlScanner.scan("SELECT \u2018a;'\u2019").statementCount()).isEqualTo(1);
        assertThat(SqlScanner.scan("SELECT 1 // ;\n").statementCount()).isEqualTo(1);
        assertThat(SqlScanner.scan("SELECT 1 #x ; SELECT 2").statementCount()).isEqualTo(2);
        assertThat(SqlScanner.scan("SELECT 1 # x ; SELECT 2").statementCount()).isEqualTo(1);
        assertThat(SqlScanner.scan("SELECT t.1.2").tokens()).extracting(SqlScanner.Token::text)
                .containsExactly("SELECT", "t", ".", "1", ".", "2");
        assertThat(SqlScanner.scan("SELECT 1e-3, 0x1F, 16581729_entity_operations").tokens())
                .extracting(SqlScanner.Token::kind).containsExactly(SqlScanner.Kind.WORD, SqlScanner.Kind.NUMBER,
                        SqlScanner.Kind.SYMBOL, SqlScanner.Kind.NUMBER, SqlScanner.Kind.SYMBOL, SqlScanner.Kind.WORD);
    }
}
