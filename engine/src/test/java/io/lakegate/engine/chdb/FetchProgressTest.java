package io.lakegate.engine.chdb;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FetchProgressTest {
    private final ByteArrayOutputStream said = new ByteArrayOutputStream();
    private final PrintStream out = new PrintStream(said, true, StandardCharsets.UTF_8);

    private String said() {
        synchronized (said) {
            return said.toString(StandardCharsets.UTF_8);
        }
    }

    private void awaitSaying(String text) throws InterruptedException {
        for (int i = 0; i < 100 && !said().contains(text); i++) {
            Thread.sleep(100);
        }
    }

    @Test
    void itSaysWhatTheFetchIsDoingUntilItEnds() throws Exception {
        try (FetchProgress progress = new FetchProgress("downloading it with npm", out, 1)) {
            awaitSaying("downloading it with npm");
            progress.stage("unpacking it");
            awaitSaying("unpacking it");
        }
        String atClose = said();
        assertThat(atClose).contains("lakegate: still fetching the engine: downloading it with npm (")
                .contains("lakegate: still fetching the engine: unpacking it (").contains(" s so far)");
        Thread.sleep(1500);
        assertThat(said()).isEqualTo(atClose); // nothing more once it ended
    }
}
