package be.persocontact.gateway;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMailUtil;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A mail's files are judged by their bytes, stored with the ticket, and each one is accounted for. */
class MailAttachmentsIntegrationTests extends MailIntegrationTestSupport {

	@Test
	void theAcknowledgementAndTheTimelineSayForEveryFileWhetherItWasReceivedAndWhyNot() throws Exception {
		String anna = unique("anna");
		// a Windows executable named like a certificate, and a real text file
		byte[] exe = new byte[512];
		exe[0] = 'M';
		exe[1] = 'Z';
		exe[60] = (byte) 0x80;
		System.arraycopy("PE\0\0".getBytes(StandardCharsets.ISO_8859_1), 0, exe, 0x80, 4);
		String text = "Verklaring op eer: ik woon samen met mijn partner sinds 1 januari.";
		this.mail.sendRaw("""
				From: Anna <%s>
				To: helpdesk@persocontact.local
				Subject: Gezinssamenstelling
				Message-ID: <%s@example.org>
				Content-Language: nl
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="b"

				--b
				Content-Type: text/plain; charset=utf-8

				In bijlage mijn verklaring.
				--b
				Content-Type: application/pdf; name="attest.pdf"
				Content-Disposition: attachment; filename="attest.pdf"
				Content-Transfer-Encoding: base64

				%s
				--b
				Content-Type: text/plain; name="verklaring.txt"
				Content-Disposition: attachment; filename="verklaring.txt"
				Content-Transfer-Encoding: base64

				%s
				--b--
				""".formatted(anna, UUID.randomUUID(), Base64.getMimeEncoder().encodeToString(exe),
				Base64.getMimeEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))), helpdesk());

		String number = awaitTicketOf(anna);
		String ack = GreenMailUtil.getBody(awaitSingleMail(anna));
		assertThat(ack).contains("verklaring.txt").contains("Ontvangen").contains("attest.pdf");
		assertThat(count("SELECT COUNT(*) FROM ticket_attachment a JOIN ticket t ON t.id = a.ticket_id "
				+ "WHERE t.number = ?", number)).isEqualTo(2);
		assertThat(notesBesidesRouting(number)).singleElement()
			.asString()
			.contains("verklaring.txt: Ontvangen")
			.contains("attest.pdf: ")
			.doesNotContain("attest.pdf: Ontvangen");

		// the view lists both files; only the accepted one can be downloaded, through its own link
		java.util.regex.Matcher view = java.util.regex.Pattern.compile("https?://[^/\\s]+(/t/[A-Za-z0-9_-]+)").matcher(ack);
		assertThat(view.find()).isTrue();
		String page = get(view.group(1)).body();
		assertThat(page).contains("verklaring.txt").contains("attest.pdf");
		java.util.regex.Matcher download = java.util.regex.Pattern.compile("href=\"https?://[^/\"]+(/d/[A-Za-z0-9_-]+)\"")
			.matcher(page);
		assertThat(download.find()).isTrue();
		java.net.http.HttpResponse<String> file = get(download.group(1));
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).isEqualTo(text);
		assertThat(file.headers().firstValue("Content-Disposition")).get().asString().startsWith("attachment");
		assertThat(download.find()).as("no second download link: the executable has none").isFalse();
	}

}
