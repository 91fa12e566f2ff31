package io.lakegate.proxy.gateway;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QueryRateTest {
    private static final long SECOND = 1_000_000_000L;

    @Test
    void anOrgSpendsItsMinuteInABurstThenOneQueryEachSixtiethOfAMinuteOverTheLimit() {
        QueryRate rate = new QueryRate();
        for (int i = 0; i < 60; i++) {
            assertThat(rate.take("1", 60, 0)).as("query " + i).isZero();
        }
        assertThat(rate.take("1", 60, 0)).isEqualTo(1000); // one more a second, at 60 a minute
        assertThat(rate.take("1", 60, SECOND / 2)).isEqualTo(500);
        assertThat(rate.take("1", 60, SECOND)).isZero();
        assertThat(rate.take("1", 60, SECOND)).isPositive();
        // other orgs have their own minute
        assertThat(rate.take("2", 60, SECOND)).isZero();
        // a minute later the whole burst is back, never more
        for (int i = 0; i < 60; i++) {
            assertThat(rate.take("1", 60, 100 * SECOND)).isZero();
        }
        assertThat(rate.take("1", 60, 100 * SECOND)).isPositive();
    }

    @Test
    void aChangedLimitCountsAtOnceAndZeroIsNoLimit() {
        QueryRate rate = new QueryRate();
        assertThat(rate.take("1", 2, 0)).isZero();
        assertThat(rate.take("1", 2, 0)).isZero();
        assertThat(rate.take("1", 2, 0)).isPositive();
        for (int i = 0; i < 1000; i++) {
            assertThat(rate.take("1", 0, 0)).isZero();
        }
        assertThat(rate.take("1", 1, 0)).isZero();
        assertThat(rate.take("1", 1, 0)).isEqualTo(60_000);
    }
}
