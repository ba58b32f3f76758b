package be.persocontact.gateway.portal;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import be.persocontact.gateway.MailServerFixture;
import be.persocontact.gateway.system.MailServerSettings;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import org.htmlunit.WebClient;
import org.htmlunit.html.HtmlAnchor;
import org.htmlunit.html.HtmlButton;
import org.htmlunit.html.HtmlFileInput;
import org.htmlunit.html.HtmlForm;
import org.htmlunit.html.HtmlInput;
import org.htmlunit.html.HtmlPage;
import org.htmlunit.html.HtmlSelect;
import org.htmlunit.html.HtmlTextArea;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

import static be.persocontact.gateway.portal.PortalSubmissionIntegrationTests.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The portal pages in a browser without JavaScript (HtmlUnit), the way an employee uses them: ask for
 * a link, open it from the mail, fill in the reference form with two attachments, see the ticket
 * number; or forget a required field and be led to it by the error summary.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class PortalPagesIntegrationTests {

	private static final Pattern PORTAL_LINK = Pattern.compile("https?://[^/\\s]+(/portal/[A-Za-z0-9_-]+)");

	@LocalServerPort
	int port;

	@Autowired
	GreenMail greenMail;

	@Autowired
	MailServerSettings mailSettings;

	@Autowired
	JdbcTemplate jdbc;

	@TempDir
	Path files;

	WebClient browser;

	@BeforeEach
	void openBrowser() {
		this.browser = new WebClient();
		this.browser.getOptions().setJavaScriptEnabled(false);
		this.browser.getOptions().setCssEnabled(false);
		this.browser.getOptions().setThrowExceptionOnFailingStatusCode(false);
	}

	@AfterEach
	void closeBrowser() {
		this.browser.close();
	}

	@Test
	void anEmployeeGetsALinkByMailAndSubmitsTheReferenceFormWithTwoAttachments() throws Exception {
		String anna = unique("anna");
		HtmlPage home = openPortalAs(anna, "nl");
		assertThat(home.getDocumentElement().getAttribute("lang")).isEqualTo("nl");
		assertThat(home.asNormalizedText()).contains("HR-aanvragen", "Hulp en vragen", "Mijn aanvragen");

		HtmlPage form = home.getAnchorByText("Vermindering van werkregime").click();
		assertThat(form.getTitleText()).startsWith("Vermindering van werkregime");
		String text = form.asNormalizedText();
		// the documents come before the first field, each conditional one with its case
		assertThat(text.indexOf("Mee te sturen documenten")).isLessThan(text.indexOf("Soort vermindering"));
		assertThat(text).contains("De geboorteakte(n) van uw kind(eren) (alleen bij: Ouderschapsverlof)");
		assertThat(labelOf(form, "f-kind")).isEqualTo("Soort vermindering *");
		assertThat(labelOf(form, "f-end-date")).isEqualTo("Einddatum");
		assertThat(form.getElementById("f-start-date").getAttribute("type")).isEqualTo("date");

		HtmlForm html = form.getForms().get(form.getForms().size() - 1);
		((HtmlSelect) form.getElementById("f-kind")).setSelectedAttribute("parental-leave", true);
		((HtmlInput) form.getElementById("f-start-date")).setValue("2026-03-01");
		((HtmlInput) form.getElementById("f-end-date")).setValue("2026-08-31");
		((HtmlSelect) form.getElementById("f-employment-status")).setSelectedAttribute("contractual", true);
		((HtmlFileInput) form.getElementById("f-attachments")).setFiles(file("geboorteakte.pdf"), file("akkoord.pdf"));
		((HtmlTextArea) form.getElementById("f-comment")).setText("Voor mijn tweede kind.");
		HtmlPage done = html.<HtmlButton>getOneHtmlElementByAttribute("button", "type", "submit").click();

		assertThat(done.getWebResponse().getStatusCode()).isEqualTo(200);
		String number = done.getElementById("ticket-number").getTextContent();
		assertThat(number).matches("HRB\\d{7}");
		assertThat(done.asNormalizedText()).contains("Uw aanvraag is verstuurd", number);
		assertThat(this.jdbc.queryForMap("SELECT queue_code, form_code, requester_address FROM ticket WHERE number = ?",
				number))
			.containsEntry("queue_code", "working-time-and-leave")
			.containsEntry("form_code", "reduction-of-working-time")
			.containsEntry("requester_address", anna);
		assertThat(this.jdbc.queryForList("SELECT a.original_name FROM ticket_attachment a JOIN ticket t "
				+ "ON t.id = a.ticket_id WHERE t.number = ? AND a.accepted ORDER BY a.id", String.class, number))
			.containsExactly("geboorteakte.pdf", "akkoord.pdf");

		// links carry the public address (port 8080); the test server listens elsewhere
		String viewLink = done.getAnchorByText("Volg uw aanvraag op").getHrefAttribute();
		HtmlPage view = this.browser.getPage(url(viewLink.substring(viewLink.indexOf("/t/"))));
		assertThat(view.asNormalizedText()).contains(number, "Soort vermindering: Ouderschapsverlof",
				"Voor mijn tweede kind.", "geboorteakte.pdf");

		HtmlPage back = done.getAnchorByText("Terug naar de formulieren").click();
		assertThat(back.getElementById("recommended-title").getTextContent()).isEqualTo("Aanbevolen voor u");
		assertThat(back.getAnchorByText(number)).isNotNull();
	}

	@Test
	void aMissingRequiredFieldShowsAnErrorSummaryThatLeadsToTheFieldAndKeepsWhatWasTyped() throws Exception {
		HtmlPage form = openPortalAs(unique("luc"), "fr").getAnchorByText("R\u00e9duction du temps de travail").click();
		((HtmlSelect) form.getElementById("f-kind")).setSelectedAttribute("career-break", true);
		((HtmlSelect) form.getElementById("f-employment-status")).setSelectedAttribute("statutory", true);
		((HtmlFileInput) form.getElementById("f-attachments")).setFiles(file("accord.pdf"), file("horaire.pdf"));
		HtmlForm html = form.getForms().get(form.getForms().size() - 1);
		HtmlPage again = html.<HtmlButton>getOneHtmlElementByAttribute("button", "type", "submit").click();

		assertThat(again.getWebResponse().getStatusCode()).isEqualTo(400);
		assertThat(again.getTitleText()).startsWith("Erreur");
		var summary = again.getElementById("error-summary");
		assertThat(summary.getAttribute("role")).isEqualTo("alert");
		assertThat(summary.asNormalizedText()).contains("Veuillez corriger ce qui suit",
				"Date de d\u00e9but : ce champ est obligatoire.");
		HtmlAnchor toField = again.getAnchorByHref("#f-start-date");
		assertThat(toField).isNotNull();
		assertThat(again.getElementById("f-start-date").getAttribute("aria-invalid")).isEqualTo("true");
		assertThat(again.getElementById("f-start-date").getAttribute("aria-describedby")).isEqualTo("f-start-date-error");
		assertThat(((HtmlSelect) again.getElementById("f-kind")).getSelectedOptions()).singleElement()
			.satisfies(option -> assertThat(option.getValueAttribute()).isEqualTo("career-break"));
	}

	@Test
	void aTamperedPortalLinkShowsAFriendlyPageOfferingANewLink() throws Exception {
		HtmlPage page = this.browser.getPage(url("/portal/AAAAnotavalidtoken"));
		assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
		assertThat(page.asNormalizedText()).doesNotContainIgnoringCase("exception");
		assertThat(page.getAnchorByHref("/portal/link")).isNotNull();
	}

	@Test
	void aBadAddressOnTheLinkPageIsExplainedNextToTheField() throws Exception {
		HtmlPage page = this.browser.getPage(url("/portal/link?lang=de"));
		((HtmlInput) page.getElementById("address")).setValue("kein-adresse");
		HtmlPage again = page.getForms().get(0).<HtmlButton>getOneHtmlElementByAttribute("button", "type", "submit").click();
		assertThat(again.getWebResponse().getStatusCode()).isEqualTo(400);
		assertThat(again.getDocumentElement().getAttribute("lang")).isEqualTo("de");
		assertThat(again.getElementById("address-error").getTextContent()).contains("g\u00fcltige E-Mail-Adresse");
	}

	/** Requests a link on the page, reads it from the mail and opens it, as the employee would. */
	private HtmlPage openPortalAs(String address, String language) throws Exception {
		HtmlPage request = this.browser.getPage(url("/portal/link?lang=" + language));
		assertThat(request.getDocumentElement().getAttribute("lang")).isEqualTo(language);
		((HtmlInput) request.getElementById("address")).setValue(address);
		HtmlPage sent = request.getForms().get(0).<HtmlButton>getOneHtmlElementByAttribute("button", "type", "submit").click();
		assertThat(sent.getWebResponse().getStatusCode()).isEqualTo(200);

		MailServerFixture mail = new MailServerFixture(this.greenMail, this.mailSettings.smtpPort());
		await().atMost(Duration.ofSeconds(20)).until(() -> !mail.inbox(address).isEmpty());
		String body = GreenMailUtil.getBody(mail.inbox(address).get(0));
		Matcher link = PORTAL_LINK.matcher(body.replace("=\r\n", "").replace("=3D", "="));
		assertThat(link.find()).as("a portal link in %s", body).isTrue();
		return this.browser.getPage(url(link.group(1)));
	}

	private String labelOf(HtmlPage page, String id) {
		return page.getFirstByXPath("//label[@for='" + id + "']") instanceof org.htmlunit.html.HtmlLabel label
				? label.asNormalizedText() : null;
	}

	private File file(String name) throws Exception {
		Path file = this.files.resolve(name);
		Files.write(file, PortalApiClient.contentFor(name));
		return file.toFile();
	}

	private String url(String path) {
		return "http://localhost:" + this.port + path;
	}

}
