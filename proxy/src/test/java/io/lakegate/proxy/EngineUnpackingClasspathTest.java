package io.lakegate.proxy;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's classpath unpacks the engine's npm tarball (a .tgz, read by commons-compress) the first time a gateway
 * starts on a new machine: calcite-core's older commons-io once made that fail with NoSuchMethodError, on this
 * classpath only, and only where no earlier module had unpacked the engine already.
 */
class EngineUnpackingClasspathTest {
    @Test
    void aGzippedTarballIsReadOnTheGatewaysClasspath() throws Exception {
        byte[] body = "libchdb".getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream tgz = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(tgz))) {
            TarArchiveEntry entry = new TarArchiveEntry("package/libchdb.so");
            entry.setSize(body.length);
            tar.putArchiveEntry(entry);
            tar.write(body);
            tar.closeArchiveEntry();
        }
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(new ByteArrayInputStream(tgz.toByteArray())))) {
            assertThat(tar.getNextEntry().getName()).isEqualTo("package/libchdb.so");
            assertThat(tar.readAllBytes()).isEqualTo(body);
        }
    }
}
