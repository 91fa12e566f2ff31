package io.lakegate.proxy.sql;

import io.lakegate.proxy.sql.parser.ClickHouseParserImplConstants;
import io.lakegate.proxy.sql.parser.Token;
import org.apache.calcite.sql.parser.SqlAbstractParserImpl;

/**
 * The grammar's non-reserved keywords by token kind, which the grammar asks before it tries a token as one
 * ({@code proxy/pom.xml} puts the question into Calcite's identifier production). Without it, each place where a name
 * may come tries the next token against the hundreds of non-reserved keywords one by one, and a parse spends most of
 * its time there.
 */
public final class NonReservedWords {
    private static final boolean[] KINDS = kinds();

    private NonReservedWords() {
    }

    public static boolean is(Token token) {
        return token != null && token.kind < KINDS.length && KINDS[token.kind];
    }

    private static boolean[] kinds() {
        SqlAbstractParserImpl.Metadata metadata = ClickHouseSqlPreprocessor.PARSER_METADATA;
        String[] images = ClickHouseParserImplConstants.tokenImage;
        boolean[] kinds = new boolean[images.length];
        for (int kind = 0; kind < images.length; kind++) {
            String image = images[kind];
            kinds[kind] = image.length() > 2 && image.startsWith("\"") && image.endsWith("\"")
                    && metadata.isNonReservedKeyword(image.substring(1, image.length() - 1));
        }
        return kinds;
    }
}
