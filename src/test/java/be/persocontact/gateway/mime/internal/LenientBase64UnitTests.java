package be.persocontact.gateway.mime.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LenientBase64UnitTests {

	private static final String TEXT = "Hierbij mijn attest van de kinderopvang voor 2026.";

	@Test
	void wellFormedBase64IsDecodedWithoutLoss() {
		assertDecoded(wrapped(Base64.getEncoder().encodeToString(bytes(TEXT)), 76), TEXT, false);
	}

	@Test
	void chunksGluedAfterTheirPaddingAreEachDecoded() {
		String glued = Base64.getEncoder().encodeToString(bytes("Hallo")) + Base64.getEncoder().encodeToString(bytes(" wereld"));

		assertThat(glued).contains("=");
		assertDecoded(glued, "Hallo wereld", false);
	}

	@Test
	void missingPaddingAndLinesOfAnyLengthLoseNothing() {
		String unpadded = Base64.getEncoder().withoutPadding().encodeToString(bytes(TEXT));

		assertDecoded(wrapped(unpadded, 19), TEXT, false);
	}

	@Test
	void aCutOffLastCharacterCostsOnlyThatFractionOfAByte() {
		String encoded = Base64.getEncoder().withoutPadding().encodeToString(bytes(TEXT + "!")) + "Q";

		assertDecoded(encoded, TEXT + "!", true);
	}

	@Test
	void strayCharactersAndAFooterLineAreSkippedAndSaidSo() {
		String encoded = Base64.getEncoder().encodeToString(bytes(TEXT));
		String damaged = encoded.substring(0, 20) + "!!\r\n" + encoded.substring(20) + "\r\n-- sent through the list --\r\n";

		assertDecoded(damaged, TEXT, true);
	}

	private static void assertDecoded(String encoded, String expected, boolean lossy) {
		LenientBase64.Result result = LenientBase64.decode(encoded.getBytes(StandardCharsets.US_ASCII));
		assertThat(new String(result.bytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
		assertThat(result.lossy()).isEqualTo(lossy);
	}

	private static String wrapped(String text, int width) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < text.length(); i += width) {
			out.append(text, i, Math.min(text.length(), i + width)).append("\r\n");
		}
		return out.toString();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
