package com.keyhold.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Issue 16: a file's type is decided on its content, and its name is made safe. */
class UploadedFilesTest {

    @Test
    void acceptedTypesAreRecognisedByTheirContent() {
        assertEquals(Optional.of("application/pdf"), UploadedFiles.detect("%PDF-1.4 ...".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(Optional.of("application/zip"), UploadedFiles.detect(new byte[] {'P', 'K', 3, 4, 0, 0}));
        assertEquals(Optional.of("text/plain; charset=UTF-8"), UploadedFiles.detect("Release notes\n- fixes\n".getBytes(StandardCharsets.UTF_8)));
        byte[] dmg = new byte[1024];
        System.arraycopy("koly".getBytes(StandardCharsets.US_ASCII), 0, dmg, 512, 4);
        assertEquals(Optional.of("application/x-apple-diskimage"), UploadedFiles.detect(dmg));
    }

    @Test
    void executablesMarkupAndBinariesAreRefusedWhateverTheirName() {
        assertTrue(UploadedFiles.detect(new byte[] {'M', 'Z', (byte) 0x90, 0}).isEmpty(), "a Windows executable");
        assertTrue(UploadedFiles.detect(new byte[] {0x7f, 'E', 'L', 'F'}).isEmpty(), "a Linux executable");
        assertTrue(UploadedFiles.detect("<svg><script>alert(1)</script></svg>".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertTrue(UploadedFiles.detect("  <!DOCTYPE html><html>".getBytes(StandardCharsets.UTF_8)).isEmpty());
        assertTrue(UploadedFiles.detect(new byte[0]).isEmpty());
    }

    @Test
    void namesKeepOnlyTheirLastSegmentInSafeCharacters() {
        assertEquals(Optional.of("passwd.pdf"), UploadedFiles.safeName("../../etc/passwd.pdf"));
        assertEquals(Optional.of("guide.pdf"), UploadedFiles.safeName("C:\\Users\\me\\guide.pdf"));
        assertEquals(Optional.of("a_b_.pdf"), UploadedFiles.safeName("a\"b;.pdf"));
        assertEquals(Optional.of("hidden"), UploadedFiles.safeName(".hidden"));
        assertTrue(UploadedFiles.safeName("../").isEmpty());
        assertEquals(200, UploadedFiles.safeName("x".repeat(300) + ".pdf").orElseThrow().length());
        assertTrue(UploadedFiles.safeName("x".repeat(300) + ".pdf").orElseThrow().endsWith(".pdf"));
    }
}
