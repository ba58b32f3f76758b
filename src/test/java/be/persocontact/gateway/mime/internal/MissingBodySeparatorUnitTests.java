package be.persocontact.gateway.mime.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import be.persocontact.gateway.mime.MailPart;
import be.persocontact.gateway.mime.MailReading;
import be.persocontact.gateway.mime.MailStructure;
import be.persocontact.gateway.mime.ReadNote;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MissingBodySeparatorUnitTests {

	@Test
	void aBodyWrittenRightAfterTheHeadersIsReadAsTheBody() {
		MailStructure read = MailReading.read(bytes("From: anna@example.org\nTo: hr@example.org\n"
				+ "Subject: attest\nBeste, hierbij mijn attest voor de opleiding\nvan vorige week.\n"));

		MailPart root = read.root();
		assertThat(root.header("Subject")).isEqualTo("attest");
		assertThat(new String(root.content(), StandardCharsets.US_ASCII))
			.isEqualTo("Beste, hierbij mijn attest voor de opleiding\nvan vorige week.\n");
		assertThat(read.summary()).contains("no blank line between the headers and the body; the body begins at line 4");
	}

	@Test
	void theBlankLineIsPutWithTheLineEndingTheMailUses() {
		List<ReadNote> notes = new ArrayList<>();

		byte[] repaired = MissingBodySeparator.repair(bytes("From: a@example.org\r\nSubject: s\r\nHello Anna\r\n"), notes);

		assertThat(new String(repaired, StandardCharsets.US_ASCII))
			.isEqualTo("From: a@example.org\r\nSubject: s\r\n\r\nHello Anna\r\n");
		assertThat(notes).singleElement().satisfies(note -> assertThat(note.kind()).isEqualTo(ReadNote.Kind.REPAIRED));
	}

	@Test
	void aDamagedHeaderLineFollowedByMoreFieldsStaysInTheHeaderBlock() {
		List<ReadNote> notes = new ArrayList<>();
		byte[] raw = bytes("From: a@example.org\r\nX-Scanned by our filter\r\nAuto-Submitted: auto-replied\r\n"
				+ "Content-Type: text/plain\r\n\r\nout of office\r\n");

		assertThat(MissingBodySeparator.repair(raw, notes)).isSameAs(raw);
		assertThat(notes).isEmpty();
		assertThat(MailReading.read(raw).root().header("Auto-Submitted")).isEqualTo("auto-replied");
	}

	@Test
	void aMailWithItsBlankLineIsLeftAsItIs() {
		List<ReadNote> notes = new ArrayList<>();
		byte[] raw = bytes("From: a@example.org\r\nSubject: s\r\n  folded on\r\n\r\nA line without colon\r\n");

		assertThat(MissingBodySeparator.repair(raw, notes)).isSameAs(raw);
		assertThat(notes).isEmpty();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
