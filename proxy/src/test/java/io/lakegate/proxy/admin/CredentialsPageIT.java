package io.lakegate.proxy.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The credentials page in a real headless browser (Debian's chromium, driven by Selenium through its chromedriver):
 * sign in with a token, pick an org, generate a credential whose password is shown once with the connection details,
 * log in with it, revoke it after a confirmation. Screenshots go to {@code target/credentials-page-*.png}.
 */
class CredentialsPageIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * Held (java.util.logging keeps loggers weakly): Selenium warns that it has no DevTools binding for this
     * chromium's version, which the test does not use.
     */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");
    private static WebDriver browser;
    private static Path profile;

    private final AdminFixture fx = AdminFixture.get();

    @BeforeAll
    static void browser() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER), "CredentialsPageIT needs "
                + "Debian's chromium and chromium-driver (apt-get install chromium chromium-driver)");
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        profile = Files.createTempDirectory("lakegate-chromium");
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile())
                .addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--disable-dev-shm-usage", "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeBrowser() throws Exception {
        if (browser != null) {
            browser.quit();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void anOrgAdminGeneratesUsesAndRevokesACredential() throws Exception {
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(fx.adminUrl() + "/");
        assertThat(browser.getTitle()).contains("Data Lake");

        // a wrong token is refused on the page
        browser.findElement(By.id("token")).sendKeys("not-a-token-of-this-gateway");
        browser.findElement(By.cssSelector("#login button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("login-error")));
        assertThat(browser.findElement(By.id("login-error")).getText()).contains("not valid");

        // the org's own token: the page offers that org only
        browser.findElement(By.id("token")).clear();
        browser.findElement(By.id("token")).sendKeys(AdminFixture.ORG_TOKEN);
        browser.findElement(By.cssSelector("#login button")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("workspace")));
        assertThat(browser.findElement(By.id("login")).isDisplayed()).as("the sign-in form is gone").isFalse();
        Select org = new Select(browser.findElement(By.id("org")));
        assertThat(org.getOptions()).extracting(WebElement::getText).containsExactly(AdminFixture.ORG);

        String label = "Power BI <b>finance</b>";
        browser.findElement(By.id("label")).sendKeys(label);
        browser.findElement(By.cssSelector("#generate button")).click();
        WebElement dialog = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("issued")));
        List<WebElement> values = dialog.findElements(By.cssSelector("dd code"));
        String user = values.get(0).getText();
        String password = values.get(1).getText();
        assertThat(dialog.getText()).contains("shown only now", "Power BI (ODBC)", "DataGrip, ClickHouse driver",
                "curl");
        assertThat(values.get(2).getText()).contains("UID=" + user, "PWD=" + password);
        assertThat(values.get(3).getText()).isEqualTo("jdbc:clickhouse:http://127.0.0.1:" + fx.gateway.httpPort()
                + "/" + fx.settings.database());
        screenshot("issued");
        // the password shown works on the ClickHouse door
        assertThat(fx.clickHouseDoor(user, password, "SELECT count() FROM entity_operations").body().strip())
                .isEqualTo("5");
        dialog.findElement(By.id("issued-close")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("issued")));

        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#credentials tr[data-username='" + user + "']")));
        // the label is shown as text, never as markup
        assertThat(row.getText()).contains(user, label, "never"); // listed when issued, before its first query
        assertThat(row.findElements(By.tagName("b"))).isEmpty();
        assertThat(browser.getPageSource()).doesNotContain(password);
        screenshot("list");

        row.findElement(By.cssSelector("button.revoke")).click();
        WebElement confirm = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        assertThat(confirm.getText()).contains("Revoke " + user);
        confirm.findElement(By.id("confirm-no")).click();
        assertThat(fx.clickHouseDoor(user, password, "SELECT 1").statusCode()).as("cancelled: still works")
                .isEqualTo(200);
        row.findElement(By.cssSelector("button.revoke")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")))
                .findElement(By.id("confirm-yes")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector("#credentials tr[data-username='" + user + "']")));
        assertThat(fx.clickHouseDoor(user, password, "SELECT 1").statusCode()).isNotEqualTo(200);
        JsonNode listed = JSON.readTree(fx.call("GET", "/api/orgs/" + AdminFixture.ORG + "/credentials",
                AdminFixture.OPERATOR_TOKEN, null).body());
        for (JsonNode c : listed) {
            if (c.path("username").asText().equals(user)) {
                assertThat(c.path("active").asBoolean()).isFalse();
            }
        }
    }

    private static void screenshot(String name) throws Exception {
        File shot = ((ChromeDriver) browser).getScreenshotAs(OutputType.FILE);
        Path target = Files.createDirectories(Path.of("target"));
        Files.copy(shot.toPath(), target.resolve("credentials-page-" + name + ".png"),
                StandardCopyOption.REPLACE_EXISTING);
    }
}
