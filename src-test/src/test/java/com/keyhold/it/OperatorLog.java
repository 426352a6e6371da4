package com.keyhold.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.keyhold.it.support.KeyholdServerExtension;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the first operator's one-time password where SPEC O1 puts it: once, in the server log. */
final class OperatorLog {

    private static final Pattern LINE = Pattern.compile("with the one-time password (\\S+) ;");

    private OperatorLog() {
    }

    static String oneTimePassword() throws IOException {
        List<String> found = LINE.matcher(Files.readString(KeyholdServerExtension.server().serverLog()))
                .results().map(m -> m.group(1)).toList();
        assertEquals(1, found.size(), "the one-time password is logged exactly once");
        return found.get(0);
    }

    static Matcher matcher(String text) {
        return LINE.matcher(text);
    }
}
