package com.keyhold.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressListTest {

    private static InputStream csv(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aOneColumnCsvWithHeaderQuotesAndSeparatorsIsRead_I1() throws Exception {
        AddressList.Result result = AddressList.fromCsv(csv("\uFEFFemail\r\nanna@example.com\r\n\"ben@example.com\",\r\n\r\ncarl@example.com;\n"));
        assertEquals(List.of("anna@example.com", "ben@example.com", "carl@example.com"), result.valid());
        assertTrue(result.invalid().isEmpty());
    }

    @Test
    void invalidAndRepeatedRowsAreListedBackWithTheirRowNumbers_I1() throws Exception {
        AddressList.Result result = AddressList.fromCsv(csv("anna@example.com\nnot-an-address\n=HYPERLINK(\"http://x\")\nANNA@example.com\n"));
        assertEquals(List.of("anna@example.com"), result.valid());
        assertEquals(List.of(new AddressList.Invalid(2, "not-an-address", "not a valid email address"),
                new AddressList.Invalid(3, "=HYPERLINK(\"http://x\")", "not a valid email address"),
                new AddressList.Invalid(4, "ANNA@example.com", "listed more than once")), result.invalid());
    }

    @Test
    void tenThousandRowsAreAcceptedAndMoreAreRefused_I1() throws Exception {
        StringBuilder rows = new StringBuilder("email\n");
        for (int i = 0; i < 10_000; i++) {
            rows.append("user").append(i).append("@example.com\n");
        }
        assertEquals(10_000, AddressList.fromCsv(csv(rows.toString())).valid().size());
        rows.append("one.more@example.com\nand.another@example.com\n");
        assertThrows(AddressList.Refused.class, () -> AddressList.fromCsv(csv(rows.toString())));
    }

    @Test
    void aBinaryOrOversizedFileIsRefusedWithoutReadingItWhole() {
        assertThrows(AddressList.Refused.class, () -> AddressList.fromCsv(new ByteArrayInputStream(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0})));
        InputStream endless = new InputStream() {
            long served;

            @Override
            public int read() {
                served++;
                if (served > 3L * 1024 * 1024) {
                    throw new AssertionError("read past the limit");
                }
                return 'a';
            }
        };
        AddressList.Refused refused = assertThrows(AddressList.Refused.class, () -> AddressList.fromCsv(endless));
        assertTrue(refused.getMessage().contains("2 MB"));
    }

    @Test
    void typedAddressesAreCheckedTheSameWay() {
        AddressList.Result result = AddressList.fromTyped(List.of("a@example.com", "b@", "A@example.com"));
        assertEquals(List.of("a@example.com"), result.valid());
        assertEquals(2, result.invalid().size());
    }
}
