package com.keyhold.it.support;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The address chips component ({@code resources/kh/addressChips.xhtml}) as a user drives it: each
 * address typed and confirmed with Enter becomes a chip; the server marks invalid ones.
 */
public final class Chips {

    private Chips() {
    }

    /**
     * Types the addresses into the component with this client id (e.g. {@code inviteForm:emails}), one
     * chip each, and waits until the server has seen them all (its feedback rendered after each chip).
     */
    public static void type(Browser browser, String componentId, String... addresses) {
        int before = tokens(browser, componentId).size();
        WebElement input = browser.find(componentId + ":chips_input");
        for (String address : addresses) {
            input.sendKeys(address, Keys.ENTER);
            browser.waitForAjax();
        }
        browser.waitFor().until(d -> tokens(browser, componentId).size() == before + addresses.length);
        browser.waitForAjax();
    }

    /** The chips shown, in order. */
    public static List<WebElement> tokens(Browser browser, String componentId) {
        return browser.driver().findElements(By.cssSelector("[id='" + componentId + ":chips'] li.ui-chips-token"));
    }

    /** The texts of the chips marked invalid. */
    public static List<String> invalid(Browser browser, String componentId) {
        return browser.driver().findElements(By.cssSelector("[id='" + componentId + ":chips'] li.ui-chips-token.kh-chip-invalid"))
                .stream().map(t -> t.findElement(By.cssSelector(".ui-chips-token-label")).getText()).toList();
    }

    /** Removes the chip with this text with its close icon, as a user does. */
    public static void remove(Browser browser, String componentId, String text) {
        int before = tokens(browser, componentId).size();
        tokens(browser, componentId).stream()
                .filter(t -> t.findElement(By.cssSelector(".ui-chips-token-label")).getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no chip " + text)).findElement(By.cssSelector(".ui-chips-token-icon")).click();
        browser.waitFor().until(d -> tokens(browser, componentId).size() == before - 1);
        browser.waitForAjax();
    }
}
