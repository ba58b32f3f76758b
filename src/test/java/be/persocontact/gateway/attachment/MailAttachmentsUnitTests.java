package be.persocontact.gateway.attachment;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MailAttachmentsUnitTests {

	@Test
	void aPlainMailHasNoFiles() {
		assertThat(MailAttachments.from(mail("""
				From: anna@example.org
				Subject: Vraag
				Content-Type: text/plain; charset=utf-8

				Gewoon een vraag.
				"""))).isEmpty();
	}

	@Test
	void filesAreFoundThroughNestedMultipartsButBodiesAreNot() {
		byte[] attest = TestDocuments.pdf("Attest");
		String pdf = Base64.getMimeEncoder().encodeToString(attest);
		List<IncomingFile> files = MailAttachments.from(mail("""
				From: anna@example.org
				Subject: Attesten
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="outer"

				--outer
				Content-Type: multipart/alternative; boundary="alt"

				--alt
				Content-Type: text/plain; charset=utf-8

				Zie bijlagen.
				--alt
				Content-Type: multipart/related; boundary="rel"

				--rel
				Content-Type: text/html; charset=utf-8

				<p>Zie bijlagen.<img src="cid:logo"></p>
				--rel
				Content-Type: image/png
				Content-ID: <logo>
				Content-Disposition: inline; filename="logo.png"
				Content-Transfer-Encoding: base64

				%s
				--rel--
				--alt--
				--outer
				Content-Type: application/pdf
				Content-Disposition: attachment; filename*=UTF-8''attest%%20m%%C3%%A9dical.pdf
				Content-Transfer-Encoding: base64

				%s
				--outer
				Content-Type: application/octet-stream
				Content-Disposition: attachment

				zonder naam
				--outer--
				""".formatted(Base64.getMimeEncoder().encodeToString(TestDocuments.png()), pdf)));
		assertThat(files).extracting(IncomingFile::name).containsExactly("logo.png", "attest médical.pdf", null);
		assertThat(files.get(1).declaredType()).isEqualTo("application/pdf");
		assertThat(files.get(1).content()).isEqualTo(attest);
		assertThat(new String(files.get(2).content(), StandardCharsets.US_ASCII)).startsWith("zonder naam");
	}

	@Test
	void aForwardedMailIsOneEmlFileNamedAfterItsSubject() {
		List<IncomingFile> files = MailAttachments.from(mail("""
				From: anna@example.org
				Subject: Fwd: attest
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="b"

				--b
				Content-Type: text/plain

				Doorgestuurd.
				--b
				Content-Type: message/rfc822

				From: hr@example.org
				Subject: Uw attest
				Content-Type: multipart/mixed; boundary="inner"

				--inner
				Content-Type: text/plain

				Hierbij.
				--inner
				Content-Type: application/pdf; name="binnen.pdf"
				Content-Disposition: attachment; filename="binnen.pdf"

				%%PDF-1.4
				--inner--
				--b--
				"""));
		assertThat(files).hasSize(1);
		assertThat(files.get(0).name()).isEqualTo("Uw attest.eml");
		assertThat(files.get(0).declaredType()).isEqualTo("message/rfc822");
		assertThat(new String(files.get(0).content(), StandardCharsets.UTF_8)).contains("binnen.pdf").contains("Hierbij.");
	}

	@Test
	void filesAreFoundInAMailWhoseStructureAngusMailCannotRead() {
		List<IncomingFile> files = MailAttachments.from(mail("""
				From: anna@example.org
				Subject: Attest
				MIME-Version: 1.0
				Content-Type: multipart/mixed;; boundary=----=_Part_7.1

				------=_Part_7.1
				Content-Type: text/plain

				Zie bijlage.
				------=_Part_7.1
				Content-Type: text/plain; name="attest.txt"
				Content-Disposition: attachment; filename="attest.txt"
				Content-Transfer-Encoding: base64

				QXR0ZXN0IHZvb3IgQW5uYQ=
				------=_Part_7.1--
				"""));

		assertThat(files).singleElement().satisfies(file -> {
			assertThat(file.name()).isEqualTo("attest.txt");
			assertThat(new String(file.content(), StandardCharsets.UTF_8)).isEqualTo("Attest voor Anna");
			assertThat(file.unreadable()).isNull();
		});
	}

	@Test
	void aFileThatCannotBeDecodedIsHandedOnAsUnreadableWithTheReason() {
		List<IncomingFile> files = MailAttachments.from(mail("""
				From: anna@example.org
				Subject: Loonfiche
				MIME-Version: 1.0
				Content-Type: multipart/mixed; boundary="b"

				--b
				Content-Type: text/plain

				Zie bijlage.
				--b
				Content-Type: application/pdf; name="loonfiche.pdf"
				Content-Disposition: attachment; filename="loonfiche.pdf"
				Content-Transfer-Encoding: x-gzip64

				H4sIAAAAAAAA
				--b--
				"""));

		assertThat(files).singleElement().satisfies(file -> {
			assertThat(file.name()).isEqualTo("loonfiche.pdf");
			assertThat(file.unreadable()).contains("x-gzip64");
		});
	}

	@Test
	void bytesThatAreNoMailAtAllAreRefusedClearly() {
		assertThatIllegalArgumentException().isThrownBy(() -> MailAttachments.from((byte[]) null));
	}

	private static byte[] mail(String text) {
		return text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
	}

}
