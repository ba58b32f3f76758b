package be.persocontact.gateway.ticket.web;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import be.persocontact.gateway.DebianPackages;
import be.persocontact.gateway.MailServerFixture;
import be.persocontact.gateway.TicketFixture;
import be.persocontact.gateway.TicketFixtureTestSupport;
import be.persocontact.gateway.system.MailServerSettings;
import be.persocontact.gateway.ticket.TicketNumber;
import be.persocontact.gateway.ticket.TicketStatus;
import com.icegreen.greenmail.util.GreenMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import org.springframework.beans.factory.annotation.Autowired;

import static be.persocontact.gateway.TicketFixture.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The ticket view in a real browser (Debian's headless Chromium and chromedriver, installed by
 * {@code .ci/run}; skipped with a message where they are missing, except in CI): a ticket whose
 * mails carry a script, an {@code onerror} image and a tracking pixel shows them as harmless text. No
 * script runs, the "remote" tracker (a local port that counts connections) is never contacted, and
 * the status tracker shows the right step. A screenshot goes to {@code target/screenshots/}.
 */
@EnabledIf(value = "browserInstalled", disabledReason = "needs Debian's chromium and chromium-driver")
class TicketViewInBrowserIntegrationTests extends TicketFixtureTestSupport {

	private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	@Autowired
	GreenMail greenMail;

	@Autowired
	MailServerSettings mailSettings;

	ServerSocket tracker;

	final AtomicInteger trackerConnections = new AtomicInteger();

	Path profile;

	WebDriver browser;

	static boolean browserInstalled() {
		return DebianPackages.installed("TicketViewInBrowserIntegrationTests", "chromium chromium-driver", CHROMIUM,
				CHROMEDRIVER);
	}

	@BeforeEach
	void startTrackerAndBrowser() throws IOException {
		this.tracker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread counter = new Thread(() -> {
			while (!this.tracker.isClosed()) {
				try (Socket ignored = this.tracker.accept()) {
					this.trackerConnections.incrementAndGet();
				}
				catch (IOException closed) {
					// the test is over
				}
			}
		}, "tracking-pixel-host");
		counter.setDaemon(true);
		counter.start();

		this.profile = Files.createTempDirectory("chromium-profile");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1280,1400", "--user-data-dir=" + this.profile.toAbsolutePath());
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.browser = new ChromeDriver(service, options);
	}

	@AfterEach
	void stopBrowserAndTracker() throws IOException {
		if (this.browser != null) {
			this.browser.quit();
		}
		this.tracker.close();
		if (this.profile != null) {
			try (var files = Files.walk(this.profile)) {
				files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
			}
		}
	}

	@Test
	void hostileMarkupInMailsRunsNoScriptContactsNoRemoteHostAndTheTrackerShowsTheCurrentStep() throws Exception {
		String anna = unique("anna");
		String pixel = "http://127.0.0.1:" + this.tracker.getLocalPort() + "/pixel.gif?who=anna";
		String hostile = "<script>document.title='pwned';window.pwned=1;alert('pwned')</script>"
				+ "<img src=\"x\" onerror=\"document.title='pwned';window.pwned=1\">"
				+ "<img src=\"" + pixel + "\" width=\"1\" height=\"1\">";
		MailServerFixture mail = new MailServerFixture(this.greenMail, this.mailSettings.smtpPort());
		mail.sendRaw(mailFrom(anna, "Attest met opmaak", "text/html",
				"<html><body><p>Beste,</p>" + hostile + "<p>In bijlage mijn attest.</p></body></html>"), helpdesk());
		TicketNumber number = awaitTicketOf(anna);
		// the same markup typed into a plain-text mail, as an employee might paste it
		mail.sendRaw(mailFrom(anna, "RE: [" + number + "] Attest met opmaak", "text/plain", "Zie hieronder:\n" + hostile),
				helpdesk());
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM timeline_entry e JOIN ticket t ON t.id = e.ticket_id "
					+ "WHERE t.number = ? AND e.kind = 'REQUESTER_MESSAGE'", Integer.class, number.value()) == 2);
		TicketFixture fixture = this.fixture;
		fixture.changeStatus(number, TicketStatus.ASSIGNED, TicketStatus.WORK_IN_PROGRESS,
				TicketStatus.AWAITING_ACCEPTANCE);
		String view = "http://localhost:" + this.port
				+ TicketFixture.pathOf(this.links.ticketViewUrl(fixture.idOf(number), anna));

		this.browser.get(view);
		Thread.sleep(1000); // time for any image or script the page might load

		assertThat(this.browser.getTitle()).isEqualTo(number.value() + " · PersoContact");
		assertThatThrownBy(() -> this.browser.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
		assertThat(((JavascriptExecutor) this.browser).executeScript("return window.pwned === undefined")).isEqualTo(true);
		assertThat(this.browser.findElements(By.cssSelector("main script, main img, main iframe"))).isEmpty();
		assertThat(this.browser.findElement(By.cssSelector(".timeline")).getText()).contains("<script>")
			.contains("onerror").contains(pixel);
		assertThat(this.trackerConnections.get()).as("connections to the tracking pixel's host").isZero();

		List<WebElement> current = this.browser.findElements(By.cssSelector(".tracker li[aria-current='step']"));
		assertThat(current).hasSize(1);
		assertThat(current.get(0).getText()).isEqualTo("In afwachting van acceptatie");
		assertThat(this.browser.findElements(By.cssSelector(".tracker li.done")).stream().map(WebElement::getText))
			.containsExactly("Open", "Toegewezen", "Werk in uitvoering");
		assertThat(this.browser.findElement(By.tagName("h1")).getText()).contains(number.value());

		Path screenshot = Files.createDirectories(Path.of("target", "screenshots")).resolve("ticket-view-hostile-mail.png");
		Files.copy(((TakesScreenshot) this.browser).getScreenshotAs(OutputType.FILE).toPath(), screenshot,
				StandardCopyOption.REPLACE_EXISTING);
		assertThat(Files.size(screenshot)).isPositive();
	}

	private TicketNumber awaitTicketOf(String address) {
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.jdbc.queryForObject("SELECT COUNT(*) FROM ticket WHERE requester_address = ?", Integer.class,
					address) == 1);
		return new TicketNumber(this.jdbc.queryForObject("SELECT number FROM ticket WHERE requester_address = ?",
				String.class, address));
	}

	private String helpdesk() {
		return this.mailSettings.address();
	}

	private static String mailFrom(String address, String subject, String type, String body) {
		return """
				From: Anna Peeters <%s>
				To: helpdesk@persocontact.local
				Subject: %s
				Message-ID: <%s@example.org>
				Content-Language: nl
				MIME-Version: 1.0
				Content-Type: %s; charset=utf-8
				Content-Transfer-Encoding: 8bit

				%s
				""".formatted(address, subject, UUID.randomUUID(), type, body);
	}

}
