package io.lakegate.proxy.admin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdminTokensTest {
    @Test
    void aTokenIsKnownOnlyWhole(@TempDir Path dir) throws Exception {
        String operator = AdminTokens.generate();
        String org = AdminTokens.generate();
        AdminTokens tokens = AdminTokens.fromFile(Files.writeString(dir.resolve("t"), "# tokens\n\n" + operator
                + "\n  " + org + "   16581729  \n"));
        assertThat(tokens.authorize("Bearer " + operator)).hasValue(AdminTokens.Scope.OPERATOR);
        assertThat(tokens.authorize("bearer " + org)).hasValueSatisfying(s -> {
            assertThat(s.operator()).isFalse();
            assertThat(s.covers("16581729")).isTrue();
            assertThat(s.covers("16581730")).isFalse();
        });
        for (String wrong : new String[] {null, "", "Bearer", "Bearer ", operator, "Basic " + operator,
                "Bearer " + operator.substring(1), "Bearer " + operator + "x", "Bearer " + org + " 16581729"}) {
            assertThat(tokens.authorize(wrong)).as(String.valueOf(wrong)).isEmpty();
        }
        assertThat(new AdminTokens().authorize("Bearer " + operator)).isEmpty();
    }

    @Test
    void aShortTokenOrABadLineIsRefusedSayingWhere(@TempDir Path dir) throws Exception {
        assertThatThrownBy(() -> AdminTokens.operator("short")).hasMessageContaining("too short")
                .hasMessageContaining("16 characters");
        Path threeWords = Files.writeString(dir.resolve("a"), AdminTokens.generate() + " 1 2\n");
        assertThatThrownBy(() -> AdminTokens.fromFile(threeWords)).hasMessageContaining("line 1")
                .hasMessageContaining("TOKEN ORG");
        Path badOrg = Files.writeString(dir.resolve("b"), "# x\n" + AdminTokens.generate() + " not/an/org\n");
        assertThatThrownBy(() -> AdminTokens.fromFile(badOrg)).isInstanceOf(IllegalArgumentException.class);
    }
}
