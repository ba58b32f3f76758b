package be.persocontact.gateway.intake;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MailTextUnitTests {

	@Test
	void labelsJavaDoesNotKnowAreMappedToWhatClientsMean() {
		byte[] korean = "안녕하세요".getBytes(Charset.forName("x-windows-949"));
		assertThat(MailText.decodeBytes(korean, "ks_c_5601-1987")).isEqualTo("안녕하세요");

		byte[] japanese = "添付の診断書".getBytes(Charset.forName("ISO-2022-JP"));
		assertThat(MailText.decodeBytes(japanese, "iso-2022-jp-3")).isEqualTo("添付の診断書");
	}

	@Test
	void iso88591IsReadAsWindows1252BecauseThatIsWhatSendersMean() {
		byte[] quotes = "“attest” – €50".getBytes(Charset.forName("windows-1252"));
		assertThat(MailText.decodeBytes(quotes, "iso-8859-1")).isEqualTo("“attest” – €50");
	}

	@Test
	void aWrongOrMissingCharsetFallsBackToUtf8ThenWindows1252() {
		byte[] utf8 = "Geboorteakte van Zoë".getBytes(StandardCharsets.UTF_8);
		assertThat(MailText.decodeBytes(utf8, "us-ascii")).isEqualTo("Geboorteakte van Zoë");
		assertThat(MailText.decodeBytes(utf8, "x-unknown")).isEqualTo("Geboorteakte van Zoë");
		byte[] latin = "Café Müller".getBytes(Charset.forName("windows-1252"));
		assertThat(MailText.decodeBytes(latin, null)).isEqualTo("Café Müller");
		assertThat(MailText.decodeBytes(latin, "utf-8")).isEqualTo("Café Müller");
	}

	@Test
	void utf7IsDecoded() {
		assertThat(MailText.decodeBytes("Hi Mom -+Jjo--!".getBytes(StandardCharsets.US_ASCII), "utf-7"))
			.isEqualTo("Hi Mom -☺-!");
		assertThat(MailText.decodeBytes("A+ImIDkQ.".getBytes(StandardCharsets.US_ASCII), "UTF-7")).isEqualTo("A≢Α.");
		assertThat(MailText.decodeBytes("1 +- 1".getBytes(StandardCharsets.US_ASCII), "utf-7")).isEqualTo("1 + 1");
	}

	@Test
	void eightBitHeadersInAnotherCharsetAreRepaired() throws Exception {
		byte[] raw = ("From: Ren\u00e9 <rene@example.org>\r\nSubject: Attest voor Ren\u00e9 en Zo\u00eb\r\n\r\nx\r\n")
			.getBytes(Charset.forName("windows-1252"));
		ParsedMail mail = ParsedMail.parse(raw);
		assertThat(mail.subject()).isEqualTo("Attest voor René en Zoë");
		assertThat(mail.sender().name()).isEqualTo("René");

		byte[] utf8 = "From: anna@example.org\r\nSubject: Attest für Jürgen\r\n\r\nx\r\n".getBytes(StandardCharsets.UTF_8);
		assertThat(ParsedMail.parse(utf8).subject()).isEqualTo("Attest für Jürgen");
	}

	@Test
	void htmlBecomesTextWithoutScriptsStylesOrImages() {
		String text = MailText.htmlToText("<html><head><style>p{color:red}</style><script>alert(1)</script></head>"
				+ "<body><p>Beste,</p><p>In bijlage<br>mijn attest.</p><img src=\"https://tracker.example/p.gif\">"
				+ "<div onclick=\"x()\">Groeten</div></body></html>");
		assertThat(text).isEqualTo("Beste,\nIn bijlage\nmijn attest.\nGroeten");
	}

	@Test
	void anHtmlQuoteBecomesQuotedLinesSoThatTheAnswersBelowItSurviveTrimming() {
		String html = "<div>Bonjour,</div><div class=\"gmail_quote\">Le lun. 4 janv. 2027 à 10:15, PersoContact "
				+ "&lt;helpdesk@persocontact.local&gt; a écrit :<br><blockquote>Quelle date vous convient ?"
				+ "<blockquote>Ancienne question</blockquote></blockquote></div><div>Le 15 mars.</div>"
				+ "<blockquote>Bien à vous,<br>PersoContact</blockquote>";

		String text = MailText.htmlToText(html);

		assertThat(text).isEqualTo("Bonjour,\nLe lun. 4 janv. 2027 à 10:15, PersoContact <helpdesk@persocontact.local> "
				+ "a écrit :\n> Quelle date vous convient ?\n> > Ancienne question\nLe 15 mars.\n> Bien à vous,\n> PersoContact");
		assertThat(QuoteTrimmer.trim(text)).endsWith("Le 15 mars.");
	}

	@Test
	void aBase64BodyWithAGarbageLineLosesOnlyThatLine() throws Exception {
		String mail = "From: a@example.org\r\nContent-Type: text/plain; charset=utf-8\r\n"
				+ "Content-Transfer-Encoding: base64\r\n\r\n"
				+ Base64.getEncoder().encodeToString("Hallo, mijn attest.".getBytes(StandardCharsets.UTF_8)).substring(0, 24)
				+ "!!\r\n%%% not base64 %%%\r\n";
		assertThat(ParsedMail.parse(mail.getBytes(StandardCharsets.US_ASCII)).body().text()).isEqualTo("Hallo, mijn attest");
	}

	@Test
	void aSubjectInRawIso2022JpWithoutEncodedWordIsDecoded() throws Exception {
		byte[] subject = "有給休暇".getBytes(Charset.forName("ISO-2022-JP"));
		byte[] mail = concat("From: a@example.jp\r\nSubject: ".getBytes(StandardCharsets.US_ASCII), subject,
				"\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII));
		assertThat(ParsedMail.parse(mail).subject()).isEqualTo("有給休暇");
	}

	@Test
	void utf7EncodedWordsInASubjectAreDecoded() throws Exception {
		String mail = "From: a@example.org\r\nSubject: =?utf-7?Q?Jours_de_cong+AOk-?= =?UNICODE-1-1-UTF-7?B?K0FPay0=?=\r\n\r\nx\r\n";
		assertThat(ParsedMail.parse(mail.getBytes(StandardCharsets.US_ASCII)).subject()).isEqualTo("Jours de congéé");
	}

	private static byte[] concat(byte[]... parts) {
		java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
		for (byte[] part : parts) {
			out.writeBytes(part);
		}
		return out.toByteArray();
	}

}
