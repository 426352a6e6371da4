package com.keyhold.it.support;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The emails the application sent, as the test JVM's SMTP server received them. Sending happens after
 * the commit and off the request thread, so tests wait for a message rather than expect it at once.
 */
public final class Mailbox {

    /** A received email, read once. */
    public record Email(String to, String subject, String body, String language) {

        /** The first link in the body that starts with the given path on the server, e.g. {@code /join.xhtml}. */
        public String link(String path) {
            Matcher m = Pattern.compile("https?://\\S+" + Pattern.quote(path) + "\\S*").matcher(body);
            if (!m.find()) {
                throw new AssertionError("no link to " + path + " in: " + body);
            }
            return m.group();
        }

        /** The {@code token} parameter of that link. */
        public String token(String path) {
            String link = link(path);
            return java.net.URLDecoder.decode(link.substring(link.indexOf("token=") + 6), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Mailbox() {
    }

    /** Waits up to 20 s for an email to this address whose subject contains the text. */
    public static Email awaitTo(String recipient, String subjectContains) {
        // bulk mail (the sweeps') leaves with the outbox timer, every 15 s: wait for two of its rounds
        Instant deadline = Instant.now().plus(Duration.ofSeconds(40));
        while (Instant.now().isBefore(deadline)) {
            List<Email> found = to(recipient).stream().filter(e -> e.subject().contains(subjectContains)).toList();
            if (!found.isEmpty()) {
                return found.get(found.size() - 1);
            }
            pause();
        }
        throw new AssertionError("no email to " + recipient + " with '" + subjectContains + "' within 40 s; received: "
                + to(recipient).stream().map(Email::subject).toList());
    }

    /** Every email received for this address so far. */
    public static List<Email> to(String recipient) {
        return Arrays.stream(KeyholdServerExtension.server().smtp().getReceivedMessages())
                .map(Mailbox::read)
                .filter(e -> e.to().equalsIgnoreCase(recipient))
                .toList();
    }

    private static Email read(MimeMessage message) {
        try {
            String[] language = message.getHeader("Content-Language");
            return new Email(message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(),
                    String.valueOf(message.getContent()).replace("\r\n", "\n"), language == null ? null : language[0]);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
