package eco2.compose.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.rabbitmq.client.AMQP;
import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import eco2.auth.AuthConfig;
import eco2.auth.AuthModule;
import eco2.auth.TestAuth;
import eco2.auth.admin.AdminSettings;
import eco2.auth.keys.KeyRing;
import eco2.auth.keys.KeyRingLoader;
import eco2.common.embedded.FreePorts;
import eco2.common.events.AmqpSettings;
import eco2.common.events.EventEnvelope;
import eco2.common.http.HttpApp;
import eco2.common.http.HttpSettings;
import eco2.common.http.Infra;
import eco2.common.ratelimit.RateLimitSettings;
import eco2.common.testing.Await;
import eco2.common.testing.TestBroker;
import eco2.common.testing.TestHttp;
import eco2.common.testing.TestServices;
import eco2.info.InfoConfig;
import eco2.info.InfoModule;
import eco2.my.MyConfig;
import eco2.my.MyModule;
import io.javalin.Javalin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
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
 * The admin panel in a real browser (headless Chromium through WebDriver), against auth, my and info mounted in one
 * app as the dev launcher does, on the machine's PostgreSQL, Redis and RabbitMQ, so the dashboard and dead-letter
 * pages read the services' real admin endpoints (location and workers are not mounted: shown as unavailable). Each
 * page is saved as a screenshot under auth/target/screenshots/.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AdminPanelBrowserIT {
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final String PASSWORD = "correct horse battery";
    static final Path SHOTS = Path.of("..", "auth", "target", "screenshots");
    static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    static Infra infra;
    static Javalin app;
    static TestHttp http;
    static String base;
    static Jdbi authDb;
    static WebDriver browser;
    static Path profile;
    static AmqpSettings amqp;
    static List<String> queues;
    static String adminEmail;

    @BeforeAll
    static void start() throws Exception {
        Assumptions.assumeTrue(
                Files.isExecutable(CHROMEDRIVER),
                "skipped: /usr/bin/chromedriver is absent (apt-get install chromium chromium-driver; .ci/run does)");
        TestServices services = TestServices.get();
        // The browser's session must outlive the class: an index that other runs' flushes do not touch.
        String redisUrl = services.isolatedRedisUri(13);
        String database = services.freshDatabase();
        String tag = UUID.randomUUID().toString().substring(0, 8);
        amqp = new AmqpSettings(services.amqpUri(), "eco2.events.test." + tag);
        queues = List.of(
                "auth.user-deleted.test." + tag,
                "my.user-registered.test." + tag,
                "my.rewards.test." + tag,
                "my.avatar-jobs.test." + tag,
                "info.user-deleted.test." + tag);
        RateLimitSettings limits = TestAuth.noLimits();
        int port = FreePorts.pick();
        base = "http://127.0.0.1:" + port;

        AuthConfig auth =
                TestAuth.config(database, redisUrl, amqp, queues.get(0), limits).withAdmin(AdminSettings.allAt(base));
        MyConfig my = new MyConfig(
                HttpSettings.forTests(),
                services.dbSettings(database, "users"),
                amqp,
                queues.get(1),
                queues.get(2),
                queues.get(3),
                Files.createTempDirectory("eco2-avatars"));
        InfoConfig info = new InfoConfig(
                HttpSettings.forTests(), services.dbSettings(database, InfoConfig.SCHEMA), amqp, queues.get(4), false);
        KeyRing keys = KeyRingLoader.load(null, null, auth.devKeyFile());
        infra = Infra.create(redisUrl, keys, TestAuth.ISSUER, limits, Clock.systemUTC());
        app = HttpApp.create(
                        "admin panel",
                        HttpSettings.forTests(),
                        infra,
                        List.of(
                                AuthModule.create(auth, infra, keys),
                                MyModule.create(my, infra),
                                InfoModule.create(info, infra)))
                .start(port);
        http = new TestHttp(port);
        authDb = Jdbi.create(auth.db().url(), auth.db().user(), auth.db().password());

        adminEmail = register("boss").email;
        // What `AdminCli grant` does: the role in auth.users.
        authDb.useHandle(
                h -> h.createUpdate("UPDATE auth.users SET roles = array_append(roles, 'admin') WHERE email = :e")
                        .bind("e", adminEmail)
                        .execute());
        Files.createDirectories(SHOTS);
        browser = startChromium();
    }

    @AfterAll
    static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (app != null) app.stop();
        if (infra != null) infra.close();
        if (amqp != null) TestBroker.deleteQueuesAndExchange(amqp.exchange(), queues.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void anAdminSignsInAndSeesTheDashboard() throws Exception {
        browser.get(base + "/admin/users");
        assertThat(browser.getCurrentUrl()).endsWith("/admin/login");
        shot("01-sign-in");
        signIn(adminEmail);
        assertThat(browser.getCurrentUrl()).endsWith("/admin");
        assertThat(text("h1")).isEqualTo("대시보드");
        long users = authDb.withHandle(h -> h.createQuery("SELECT count(*) FROM auth.users")
                .mapTo(Long.class)
                .one());
        assertThat(browser.findElement(By.id("users-total")).getText()).isEqualTo(Long.toString(users));
        for (String absent : new String[] {"location", "workers"}) // not mounted here: shown as unavailable
        assertThat(browser.findElement(By.cssSelector("tr[data-service=" + absent + "]"))
                            .getText())
                    .contains("응답 없음");
        assertThat(browser.findElement(By.id("scans-today")).getText()).isEqualTo("응답 없음");
        shot("02-dashboard-ko");
        clickAndLoad(browser.findElement(By.id("lang-switch")));
        assertThat(text("h1")).isEqualTo("Dashboard");
        shot("03-dashboard-en");
    }

    @Test
    @Order(2)
    void searchingAndDeactivatingAUserEndsTheirTokenAtMyWithinASecond() throws Exception {
        Registered target = register("mina");
        assertThat(http.get("/api/v1/users/me", "Authorization", TestHttp.bearer(target.access))
                        .status())
                .isEqualTo(200);

        browser.get(base + "/admin/users");
        WebElement q = browser.findElement(By.id("q"));
        q.sendKeys(target.username);
        clickAndLoad(browser.findElement(By.cssSelector("#user-search button")));
        List<WebElement> rows = browser.findElements(By.cssSelector("#users tbody tr"));
        assertThat(rows).hasSize(1);
        shot("04-users-search");
        clickAndLoad(rows.get(0).findElement(By.className("user-link")));
        assertThat(text("#user-name")).isEqualTo(target.username);
        shot("05-user-detail");

        WebElement before = page();
        browser.findElement(By.id("deactivate")).click();
        long clicked = System.nanoTime();
        int status;
        do {
            status = http.get("/api/v1/users/me", "Authorization", TestHttp.bearer(target.access))
                    .status();
        } while (status == 200 && System.nanoTime() - clicked < 1_000_000_000L);
        assertThat(status)
                .as("my refuses the deactivated user's access token within 1 s")
                .isEqualTo(401);
        loadedAfter(before);
        assertThat(browser.findElement(By.id("notice")).getText()).contains("deactivated");
        assertThat(text("#user-status")).isEqualTo("Deactivated");
        shot("06-user-deactivated");
    }

    @Test
    @Order(3)
    void editingAnItemsTextShowsInInfosApi() throws Exception {
        browser.get(base + "/admin/content");
        shot("07-content");
        WebElement first = browser.findElement(By.cssSelector("#items tbody tr"));
        String id = first.getAttribute("data-id");
        clickAndLoad(first.findElement(By.linkText("Edit")));
        WebElement description = browser.findElement(By.id("description"));
        String changed = "관리자가 고친 설명 " + UUID.randomUUID().toString().substring(0, 6);
        description.clear();
        description.sendKeys(changed);
        shot("08-item-edit");
        clickAndLoad(browser.findElement(By.id("save")));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Saved.");

        JsonNode item = http.get("/api/v1/recycle/items/" + id).json();
        assertThat(item.get("description").asText()).isEqualTo(changed);
    }

    @Test
    @Order(4)
    void aNewFaqIsCreatedThroughInfoAndInfosValidationShowsOnTheForm() throws Exception {
        browser.get(base + "/admin/content/faq/new");
        browser.findElement(By.id("question")).sendKeys("  ");
        browser.findElement(By.id("answer")).sendKeys("x");
        clickAndLoad(browser.findElement(By.id("save")));
        assertThat(browser.findElement(By.id("form-errors")).getText()).contains("question");

        String question = "패널에서 만든 질문 " + UUID.randomUUID().toString().substring(0, 6) + "?";
        WebElement field = browser.findElement(By.id("question"));
        field.clear();
        field.sendKeys(question);
        WebElement answer = browser.findElement(By.id("answer"));
        answer.clear();
        answer.sendKeys("첫 줄\n둘째 줄");
        shot("09-faq-new");
        clickAndLoad(browser.findElement(By.id("save")));
        assertThat(browser.findElement(By.id("notice")).getText()).isEqualTo("Saved.");
        String id = browser.getCurrentUrl().replaceAll(".*/faq/([^?]+).*", "$1");
        JsonNode faq = http.get("/api/v1/recycle/faq/" + id).json();
        assertThat(faq.get("question").asText()).isEqualTo(question);
        assertThat(faq.get("answer").asText()).isEqualTo("첫 줄\n둘째 줄");
    }

    @Test
    @Order(5)
    void aDeadLetterIsReplayedFromItsQueuePage() throws Exception {
        // Two user.deleted events parked in auth's dead-letter queue, as its consumer would have left them.
        String queue = queues.get(0);
        UUID replayed = park(queue, "<b>깨진 유리</b>");
        UUID kept = park(queue, "second");
        browser.get(base + "/admin/dead-letters");
        WebElement row = browser.findElement(By.xpath("//table[@id='queues']//tr[td[text()='" + queue + "']]"));
        assertThat(row.getText()).contains("2");
        clickAndLoad(row.findElement(By.tagName("a")));
        List<WebElement> messages = browser.findElements(By.cssSelector("#messages tbody tr"));
        assertThat(messages)
                .extracting(m -> m.getAttribute("data-id"))
                .containsExactly(replayed.toString(), kept.toString());
        assertThat(browser.findElement(By.id("messages")).getText()).contains("<b>깨진 유리</b>");
        shot("10-dead-letters");
        clickAndLoad(messages.get(0).findElement(By.className("replay")));

        assertThat(browser.findElement(By.id("notice")).getText()).contains("replayed");
        assertThat(browser.findElements(By.cssSelector("#messages tbody tr")))
                .extracting(m -> m.getAttribute("data-id"))
                .containsExactly(kept.toString());
        // Back in its queue, auth's consumer handled it once: a user that does not exist, so nothing else changed.
        Await.until(() ->
                authDb.withHandle(h -> h.createQuery("SELECT count(*) FROM auth.processed_events WHERE event_id = :id")
                                .bind("id", replayed)
                                .mapTo(Integer.class)
                                .one())
                        == 1);
    }

    @Test
    @Order(6)
    void anApiKeyIsEntitledListedByTierAndRevokedEverywhere() throws Exception {
        Registered owner = register("kiosk");
        browser.get(base + "/admin/users/" + owner.id);
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("tier"))).selectByValue("pro");
        clickAndLoad(browser.findElement(By.id("set-entitlement")));
        assertThat(text("#user-entitlement")).isEqualTo("pro");
        TestHttp.Response created = http.postJson(
                "/api/v1/auth/api-keys",
                TestHttp.json(Map.of("name", "city kiosk", "tier", "pro")),
                "Authorization",
                TestHttp.bearer(owner.access));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String key = created.json().get("key").asText();
        String prefix = created.json().get("prefix").asText();
        assertThat(http.get("/api/v1/recycle/categories", "X-API-Key", key).status())
                .isEqualTo(200);
        browser.navigate().refresh();
        assertThat(text("#user-keys")).contains(prefix, "city kiosk");
        shot("15-user-keys");

        browser.get(base + "/admin/api-keys?tier=pro");
        WebElement row = browser.findElement(By.xpath("//table[@id='api-keys']//tr[td[text()='" + prefix + "']]"));
        assertThat(row.getText()).contains(owner.email);
        shot("16-api-keys");
        WebElement before = page();
        row.findElement(By.className("revoke-key")).click();
        long clicked = System.nanoTime();
        int status;
        do {
            status = http.get("/api/v1/recycle/categories", "X-API-Key", key).status();
        } while (status == 200 && System.nanoTime() - clicked < 1_000_000_000L);
        assertThat(status).as("info refuses the revoked key within 1 s").isEqualTo(401);
        loadedAfter(before);
        assertThat(browser.findElement(By.id("notice")).getText()).contains("revoked");
        assertThat(browser.findElements(By.xpath("//td[text()='" + prefix + "']")))
                .isEmpty();
    }

    @Test
    @Order(7)
    void theAuditLogShowsEveryAction() throws Exception {
        browser.get(base + "/admin/audit");
        String log = browser.findElement(By.id("audit")).getText();
        assertThat(log)
                .contains(
                        "user.deactivate",
                        "item.update",
                        "faq.create",
                        "dead_letter.replay",
                        "user.entitlement",
                        "api_key.revoke",
                        "panel.sign_in",
                        adminEmail);
        shot("11-audit");
    }

    @Test
    @Order(8)
    void aUsernameWithAScriptTagIsShownAsText() throws Exception {
        Registered user = register("evil");
        String evil = "<script>alert(1)</script>";
        authDb.useHandle(h -> h.createUpdate("UPDATE auth.users SET username = :u WHERE email = :e")
                .bind("u", evil)
                .bind("e", user.email)
                .execute());
        browser.get(base + "/admin/users?q=script");
        assertThat(browser.findElement(By.cssSelector("#users .user-link")).getText())
                .isEqualTo(evil);
        assertThatThrownBy(() -> browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
        shot("12-escaped-username");
    }

    @Test
    @Order(9)
    void aFormPostedWithoutItsTokenIsRefused() throws Exception {
        Registered user = register("keep");
        browser.get(base + "/admin/users/" + user.id);
        ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("document.querySelectorAll('input[name=_csrf]').forEach(e => e.remove())");
        clickAndLoad(browser.findElement(By.id("deactivate")));
        assertThat(text("h1")).isEqualTo("You do not have access to this page.");
        assertThat(browser.findElement(By.className("code")).getText()).isEqualTo("403");
        shot("13-csrf-refused");
        assertThat(http.get("/api/v1/auth/me", "Authorization", TestHttp.bearer(user.access))
                        .status())
                .isEqualTo(200);
    }

    @Test
    @Order(10)
    void aSignedInNonAdminGets403() throws Exception {
        browser.get(base + "/admin");
        clickAndLoad(browser.findElement(By.id("sign-out")));
        assertThat(browser.getCurrentUrl()).endsWith("/admin/login");
        Registered user = register("plain");
        signIn(user.email);
        assertThat(browser.findElement(By.className("code")).getText()).isEqualTo("403");
        assertThat(browser.findElements(By.cssSelector("header nav"))).isEmpty();
        shot("14-non-admin-403");
    }

    private static void signIn(String email) {
        browser.get(base + "/admin/login");
        browser.findElement(By.id("email")).sendKeys(email);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        clickAndLoad(browser.findElement(By.id("sign-in")));
    }

    /** Straight into {@code queue}'s dead-letter queue, as its consumer would have parked it: a user.deleted event. */
    private static UUID park(String queue, String note) throws Exception {
        UUID id = UUID.randomUUID();
        byte[] body = MAPPER.writeValueAsBytes(new EventEnvelope(
                id,
                "user.deleted",
                Instant.now(),
                "my",
                MAPPER.valueToTree(Map.of("user_id", UUID.randomUUID().toString(), "note", note))));
        ConnectionFactory factory = new ConnectionFactory();
        factory.setUri(TestServices.get().amqpUri());
        try (Connection connection = factory.newConnection();
                Channel channel = connection.createChannel()) {
            channel.basicPublish(
                    "",
                    queue + ".dlq",
                    new AMQP.BasicProperties.Builder()
                            .deliveryMode(2)
                            .contentType("application/json")
                            .messageId(id.toString())
                            .type("user.deleted")
                            .headers(Map.of("x-eco2-error", "handler failed after 5 attempts"))
                            .build(),
                    body);
        }
        return id;
    }

    /** Clicks a link or submit button and waits for the page it loads, so no lookup finds the old page's element. */
    private static void clickAndLoad(WebElement target) {
        WebElement before = page();
        target.click();
        loadedAfter(before);
    }

    private static WebElement page() {
        return browser.findElement(By.tagName("html"));
    }

    private static void loadedAfter(WebElement before) {
        new WebDriverWait(browser, Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(before));
    }

    private static String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private static void shot(String name) throws Exception {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SHOTS.resolve(name + ".png"), png);
    }

    /** A user registered and signed in through the API. */
    record Registered(String id, String email, String username, String access) {}

    private static Registered register(String prefix) {
        String username = prefix + "_" + UUID.randomUUID().toString().substring(0, 8);
        String email = username + "@example.com";
        TestHttp.Response created = http.postJson(
                "/api/v1/auth/register",
                TestHttp.json(Map.of("email", email, "username", username, "password", PASSWORD)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String access = http.postJson("/api/v1/auth/login", TestHttp.json(Map.of("email", email, "password", PASSWORD)))
                .json()
                .get("access_token")
                .asText();
        return new Registered(created.json().get("id").asText(), email, username, access);
    }

    private static WebDriver startChromium() throws Exception {
        profile = Files.createTempDirectory("eco2-chromium");
        ChromeOptions options = new ChromeOptions();
        if (Files.isExecutable(CHROMIUM)) options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,900",
                "--lang=ko-KR",
                "--user-data-dir=" + profile);
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "ko-KR,ko"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        return driver;
    }
}
