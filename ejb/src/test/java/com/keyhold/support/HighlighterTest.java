package com.keyhold.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** T4: the searched words are marked, everything else escaped. */
class HighlighterTest {

    @Test
    void marksTheWordsAndTheWordsTheyBegin() {
        assertEquals(List.of("vpn", "activat"), Highlighter.words("VPN, activat!"));
        assertEquals("After the <mark>VPN</mark> <mark>activation</mark> fails",
                Highlighter.mark("After the VPN activation fails", Highlighter.words("vpn activat")));
    }

    @Test
    void escapesEverythingElse() {
        String html = Highlighter.mark("<script>alert('vpn')</script> & more", List.of("vpn"));
        assertEquals("&lt;script&gt;alert(&#39;<mark>vpn</mark>&#39;)&lt;/script&gt; &amp; more", html);
    }

    @Test
    void aSnippetStartsNearTheFirstMatch() {
        String text = "x ".repeat(400) + "the license key expired " + "y ".repeat(400);
        String snippet = Highlighter.snippet(text, List.of("expired"));
        assertTrue(snippet.startsWith("… ") && snippet.endsWith(" …"), snippet);
        assertTrue(snippet.contains("<mark>expired</mark>"), snippet);
        assertTrue(snippet.length() < Highlighter.SNIPPET + 40, snippet);
    }
}
