package com.keyhold.it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium through its chromedriver (no browser download), one fresh profile per
 * browser, so two browsers are two independent users.
 */
public final class Browser implements AutoCloseable {

    private static final Path SCREENSHOTS = Path.of(System.getProperty("keyhold.screenshots", "target/screenshots"));

    private static final String CHROMIUM = System.getProperty("keyhold.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("keyhold.chromedriver", "/usr/bin/chromedriver");

    /** Set in CI (.ci/run): a missing Chromium is a failure, not a skip. */
    private static final boolean REQUIRED = Boolean.getBoolean("keyhold.browser.required")
            || "true".equalsIgnoreCase(System.getenv("KEYHOLD_BROWSER_REQUIRED"));

    private final WebDriver driver;
    private final Path profile;

    public Browser() {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(CHROMEDRIVER));
        String missing = "Browser tests need Chromium and its driver at " + CHROMIUM + " and " + CHROMEDRIVER
                + ": apt-get install chromium chromium-driver";
        if (REQUIRED && !present) {
            // CI sets KEYHOLD_BROWSER_REQUIRED: there a missing browser fails the run instead of skipping tests
            throw new AssertionError(missing);
        }
        Assumptions.assumeTrue(present, missing);
        try {
            profile = Files.createTempDirectory("keyhold-chromium");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(KeyholdServerExtension.server().baseUrl() + path);
        return this;
    }

    public WebElement find(String id) {
        return waitFor().until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
    }

    public Browser type(String id, String text) {
        WebElement field = find(id);
        field.clear();
        field.sendKeys(text);
        return this;
    }

    /** Clicks and waits for the next page to replace this one (buttons here submit without Ajax). */
    /** Opens the header's user menu (issue 12) and waits until its items can be clicked. */
    public Browser openUserMenu() {
        find("userMenuButton").click();
        waitFor().until(ExpectedConditions.visibilityOfElementLocated(org.openqa.selenium.By.id("header:signOut")));
        return this;
    }

    /** Signs out through the user menu, as a user does, and waits for the sign-in page. */
    public Browser signOut() {
        openUserMenu();
        return clickAndWaitForPage("header:signOut");
    }

    /** Sets the window's size, for screenshots at the sizes administrators use (1280×800, 1920×1080). */
    public Browser resize(int width, int height) {
        driver.manage().window().setSize(new org.openqa.selenium.Dimension(width, height));
        return this;
    }

    /**
     * Runs axe-core (WCAG 2.1 A and AA rules) on the page as it is now and fails on any serious or
     * critical violation, naming the rule and the elements (issue 12's accessibility pass).
     */
    public Browser assertAccessible(String what) {
        waitForAjax();
        com.deque.html.axecore.results.Results results = new com.deque.html.axecore.selenium.AxeBuilder()
                .withTags(java.util.List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa"))
                .analyze(driver);
        java.util.List<String> serious = results.getViolations().stream()
                .filter(v -> "serious".equals(v.getImpact()) || "critical".equals(v.getImpact()))
                .map(v -> v.getImpact() + " " + v.getId() + " (" + v.getHelp() + "): " + v.getNodes().stream()
                        .map(n -> String.valueOf(n.getTarget())).limit(5).toList())
                .toList();
        if (!serious.isEmpty()) {
            // the page as axe saw it, beside the screenshots, to find the offending markup
            try {
                Files.createDirectories(SCREENSHOTS);
                Files.writeString(SCREENSHOTS.resolve("a11y-" + what.replaceAll("[^A-Za-z0-9]+", "-") + ".html"), driver.getPageSource());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        org.junit.jupiter.api.Assertions.assertTrue(serious.isEmpty(), what + " has accessibility violations:\n"
                + String.join("\n", serious));
        return this;
    }

    public Browser clickAndWaitForPage(String id) {
        WebElement button = find(id);
        button.click();
        // Chromium may answer "node does not belong to the document" instead of "stale" mid-navigation.
        waitFor().until(d -> {
            try {
                button.isEnabled();
                return false;
            } catch (org.openqa.selenium.WebDriverException gone) {
                return true;
            }
        });
        return this;
    }

    /**
     * Opens a PrimeFaces menu button and clicks one of its items. The menu's panel slides open, and an
     * item clicked during the transition answers "not interactable", so the click is retried until it lands.
     */
    public void chooseAction(String menuButtonId, String itemId) {
        find(menuButtonId).click();
        waitFor().ignoring(org.openqa.selenium.ElementNotInteractableException.class)
                .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .until(d -> {
                    d.findElement(By.id(itemId)).click();
                    return true;
                });
    }

    public String text(By by) {
        return waitFor().until(ExpectedConditions.presenceOfElementLocated(by)).getText();
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    /**
     * Waits up to 30 s. PrimeFaces replaces a table's rows on every Ajax update, so an element found
     * a moment ago may be gone when it is read: such a condition is simply asked again.
     */
    public WebDriverWait waitFor() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        return wait;
    }

    /** Signs in through the sign-in page and lands on the dashboard. */
    public Browser signIn(String email, String password) {
        open("/login.xhtml");
        type("signIn:email", email).type("signIn:password", password);
        clickAndWaitForPage("signIn:submit");
        if (!path().equals("/app/dashboard.xhtml")) {
            throw new IllegalStateException("sign-in did not reach the dashboard but " + path());
        }
        return this;
    }

    /**
     * Acts in the account whose selector label contains {@code label} (a new user's first account is
     * their personal one; a registered subscription lives in the business account): picks it in the
     * header's account selector and waits for the page to reload in it.
     */
    public Browser chooseAccount(String label) {
        if (text(org.openqa.selenium.By.id("header:account_label")).contains(label)) {
            return this;
        }
        WebElement before = find("header:userName");
        choose("header:account", label);
        waitFor().until(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(before));
        waitFor().until(d -> find("header:account").getText().contains(label));
        return this;
    }

    /** Waits until PrimeFaces has no Ajax request queued or running. */
    public void waitForAjax() {
        waitFor().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return typeof PrimeFaces === 'undefined' || (PrimeFaces.ajax.Queue.isEmpty() && jQuery.active === 0);"));
    }

    /**
     * Picks the item of a PrimeFaces select menu whose label contains the text. PrimeFaces 15 ignores
     * a click on an item before the panel's opening transition has ended, so this waits for it.
     */
    public void choose(String menuId, String label) {
        waitForAjax();
        find(menuId).click();
        waitFor().until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                "return PrimeFaces.getWidgetById(arguments[0]).keyboardTarget.attr('aria-expanded') === 'true';", menuId));
        By item = By.xpath("//*[@id='" + menuId + "_panel']//li[contains(@data-label, '" + label + "')]");
        waitFor().until(ExpectedConditions.elementToBeClickable(item)).click();
    }

    /** The row of a PrimeFaces data table with this row key. */
    public WebElement row(String tableId, String rowKey) {
        return driver.findElement(By.cssSelector("[id='" + tableId + "_data'] > tr[data-rk='" + rowKey + "']"));
    }

    /** Ticks the row's selection box and waits until the table has selected it. */
    public void selectRow(String tableId, String rowKey) {
        waitForAjax();
        row(tableId, rowKey).findElement(By.cssSelector(".ui-chkbox-box")).click();
        waitFor().until(d -> "true".equals(row(tableId, rowKey).getAttribute("aria-selected")));
    }

    public void waitForRows(String tableId, int count) {
        By rows = By.cssSelector("[id='" + tableId + "_data'] > tr[data-rk]");
        waitFor().until(d -> {
            waitForAjax();
            return d.findElements(rows).size() == count;
        });
    }

    /** Saves a PNG under target/screenshots for people to look at. */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
