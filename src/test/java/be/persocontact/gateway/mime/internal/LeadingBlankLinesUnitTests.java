package be.persocontact.gateway.mime.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import be.persocontact.gateway.mime.ReadNote;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LeadingBlankLinesUnitTests {

	@Test
	void blankLinesBeforeTheHeadersAreSkippedAndNoted() {
		List<ReadNote> notes = new ArrayList<>();

		byte[] mail = LeadingBlankLines.skip(bytes("\r\n \t\r\n\nFrom: a@example.org\r\n\r\nbody"), notes);

		assertThat(new String(mail, StandardCharsets.US_ASCII)).isEqualTo("From: a@example.org\r\n\r\nbody");
		assertThat(notes).singleElement().satisfies(note -> {
			assertThat(note.kind()).isEqualTo(ReadNote.Kind.REPAIRED);
			assertThat(note.text()).startsWith("3 blank line(s)");
		});
	}

	@Test
	void aMailThatStartsWithItsHeadersIsLeftAlone() {
		List<ReadNote> notes = new ArrayList<>();
		byte[] raw = bytes("From: a@example.org\r\n\r\n\r\nbody");

		assertThat(LeadingBlankLines.skip(raw, notes)).isSameAs(raw);
		assertThat(notes).isEmpty();
	}

	@Test
	void aMailOfBlankLinesOnlyIsLeftAsItIs() {
		byte[] raw = bytes("\r\n\r\n");

		assertThat(LeadingBlankLines.skip(raw, new ArrayList<>())).isSameAs(raw);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

}
