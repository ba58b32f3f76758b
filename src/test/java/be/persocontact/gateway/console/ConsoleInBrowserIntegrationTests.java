package be.persocontact.gateway.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;

import be.persocontact.gateway.DebianPackages;
import be.persocontact.gateway.TicketFixture;
import be.persocontact.gateway.access.SignedLinks;
import be.persocontact.gateway.ticket.RequesterMessage;
import be.persocontact.gateway.ticket.TicketManagement;
import be.persocontact.gateway.ticket.TicketNumber;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console in a real browser (Debian's headless Chromium and chromedriver; skipped with a
 * message where they are missing, except in CI, like the ticket view's test): an operator logs in with the
 * token, lists the quarantined mails, replays one with its button, and withdraws the links of an address
 * through the form, all with the browser's own cookie and the CSRF tokens the pages carry. The browser
 * asks for Dutch, and gets it. A screenshot goes to {@code target/screenshots/}.
 */
@EnabledIf(value = "browserInstalled", disabledReason = "needs Debian's chromium and chromium-driver")
class ConsoleInBrowserIntegrationTests extends ConsoleTestSupport {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@Autowired
	TicketManagement tickets;

	@Autowired
	TransactionTemplate transaction;

	@Autowired
	SignedLinks links;

	Path profile;

	WebDriver chromium;

	static boolean browserInstalled() {
		return DebianPackages.installed("ConsoleInBrowserIntegrationTests", "chromium chromium-driver", CHROMIUM,
				CHROMEDRIVER);
	}

	@BeforeEach
	void startBrowser() throws IOException {
		this.profile = Files.createTempDirectory("chromium-profile");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--lang=nl",
				"--window-size=1280,1400", "--user-data-dir=" + this.profile.toAbsolutePath());
		options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "nl"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.chromium = new ChromeDriver(service, options);
	}

	@AfterEach
	void stopBrowser() throws IOException {
		if (this.chromium != null) {
			this.chromium.quit();
		}
		if (this.profile != null) {
			try (var files = Files.walk(this.profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	@Test
	void anOperatorLogsInReplaysAQuarantinedMailAndWithdrawsTheLinksOfAnAddress() throws Exception {
		String anna = unique("anna");
		long id = quarantined(anna, "Attest in quarantaine");
		String bert = unique("bert");
		TicketNumber bertsTicket = open(bert);
		String bertsView = TicketFixture.pathOf(this.links.ticketViewUrl(this.tickets.find(bertsTicket).orElseThrow().id(), bert));
		assertThat(get(bertsView).statusCode()).isEqualTo(200);
		String base = "http://localhost:" + this.port;

		this.chromium.get(base + "/ops/console/inbound");
		assertThat(this.chromium.getCurrentUrl()).as("not logged in: the login page").endsWith("/ops/console/login");
		assertThat(this.chromium.findElement(By.tagName("h1")).getText()).isEqualTo("Aanmelden");
		this.chromium.findElement(By.name("operator")).sendKeys("els@hr");
		this.chromium.findElement(By.name("token")).sendKeys(OPS_TOKEN);
		navigate(this.chromium.findElement(By.cssSelector("main form button[type=submit]")));
		assertThat(this.chromium.getCurrentUrl()).endsWith("/ops/console/inbound");
		assertThat(this.chromium.findElement(By.cssSelector("header .operator")).getText()).isEqualTo("els@hr");

		new org.openqa.selenium.support.ui.Select(this.chromium.findElement(By.name("outcome"))).selectByValue("QUARANTINED");
		navigate(this.chromium.findElement(By.cssSelector("main form[method=get] button")));
		var row = this.chromium.findElement(By.id("inbound-" + id));
		assertThat(row.findElement(By.cssSelector(".outcome")).getText()).isEqualTo("QUARANTINED");
		assertThat(row.findElement(By.cssSelector(".reason")).getText()).isEqualTo("stuck in a test");
		navigate(row.findElement(By.cssSelector("button.replay")));

		assertThat(this.chromium.findElement(By.cssSelector(".notice")).getText())
			.isEqualTo("Mail " + id + " werd opnieuw verwerkt: TICKET_CREATED.");
		assertThat(this.chromium.findElements(By.id("inbound-" + id))).as("no longer quarantined").isEmpty();
		assertThat(this.jdbc.queryForObject("SELECT outcome FROM inbound_message WHERE id = ?", String.class, id))
			.isEqualTo("TICKET_CREATED");

		navigate(this.chromium.findElement(By.linkText("Links")));
		this.chromium.findElement(By.cssSelector("#revoke-recipient input[name=address]")).sendKeys(bert);
		this.chromium.findElement(By.cssSelector("#revoke-recipient input[name=reason]")).sendKeys("mailbox changed hands");
		navigate(this.chromium.findElement(By.cssSelector("#revoke-recipient button")));
		assertThat(this.chromium.findElement(By.cssSelector(".notice")).getText()).startsWith("Ingetrokken (RECIPIENT " + bert + ")");
		assertThat(this.chromium.findElement(By.cssSelector("table.revocations")).getText()).contains("els@hr",
				"mailbox changed hands");
		assertThat(get(bertsView).statusCode()).as("Bert's link is withdrawn").isEqualTo(410);

		Path screenshot = Files.createDirectories(Path.of("target", "screenshots")).resolve("operator-console-links.png");
		Files.copy(((TakesScreenshot) this.chromium).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
				StandardCopyOption.REPLACE_EXISTING);

		navigate(this.chromium.findElement(By.cssSelector("header.console form button")));
		// the click returns before the browser has followed the logout's redirect: wait for the page it lands on
		new WebDriverWait(this.chromium, java.time.Duration.ofSeconds(10))
			.until(ExpectedConditions.urlContains("/ops/console/login"));
		assertThat(this.chromium.getCurrentUrl()).endsWith("/ops/console/login?loggedOut");
		this.chromium.get(base + "/ops/console/links");
		assertThat(this.chromium.getCurrentUrl()).as("logged out").endsWith("/ops/console/login");
	}

	/**
	 * Clicks something that loads a new page and waits until the old one is gone: the click returns before
	 * the browser has replaced the page, and an element looked up meanwhile would belong to the old one.
	 * Asked about the old page while it is being replaced, Chromium may answer with an error of its own
	 * ("Node with given id does not belong to the document") instead of a stale element: that is asked again.
	 */
	private void navigate(org.openqa.selenium.WebElement target) {
		org.openqa.selenium.WebElement page = this.chromium.findElement(By.tagName("html"));
		target.click();
		new WebDriverWait(this.chromium, java.time.Duration.ofSeconds(10))
			.ignoring(org.openqa.selenium.WebDriverException.class)
			.until(ExpectedConditions.stalenessOf(page));
	}

	private TicketNumber open(String address) {
		return this.transaction.execute(status -> this.tickets
			.open(new RequesterMessage(address, "Bert", "nl", "Thuiswerk", "Mijn aanvraag.", null, List.of()))
			.ticket());
	}

}
