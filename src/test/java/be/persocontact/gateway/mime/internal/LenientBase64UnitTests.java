package be.persocontact.gateway.mime.internal;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Random;

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

	@Test
	void aPartOverTheOnePassSizeIsDecodedAsWell() {
		byte[] scan = new byte[LenientBase64.ONE_PASS];
		new Random(7).nextBytes(scan);
		byte[] encoded = Base64.getMimeEncoder().encode(scan);
		assertThat(encoded.length).isGreaterThan(LenientBase64.ONE_PASS);

		LenientBase64.Result result = LenientBase64.decode(encoded);

		assertThat(result.bytes()).isEqualTo(scan);
		assertThat(result.lossy()).isFalse();
	}

	/** Small parts are decoded in one pass, large ones counted first: both read any damage alike. */
	@Test
	void bothWaysOfDecodingGiveTheSameBytesAndVerdictOnAnyInput() {
		Random random = new Random(20261207);
		byte[] alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/==== \t\r\n!-\u00e9"
			.getBytes(StandardCharsets.ISO_8859_1);
		for (int round = 0; round < 20_000; round++) {
			byte[] input = new byte[random.nextInt(200)];
			for (int i = 0; i < input.length; i++) {
				input[i] = random.nextInt(4) == 0 ? alphabet[random.nextInt(alphabet.length)]
						: alphabet[random.nextInt(64)];
			}
			Slice slice = Slice.of(input);
			LenientBase64.Result once = LenientBase64.inOnePass(slice);
			LenientBase64.Result counted = LenientBase64.counted(slice);
			assertThat(once.bytes()).as("bytes of %s", new String(input, StandardCharsets.ISO_8859_1))
				.isEqualTo(counted.bytes());
			assertThat(once.lossy()).isEqualTo(counted.lossy());
		}
	}

	private static void assertDecoded(String encoded, String expected, boolean lossy) {
		Slice slice = Slice.of(encoded.getBytes(StandardCharsets.US_ASCII));
		for (LenientBase64.Result result : List.of(LenientBase64.decode(slice), LenientBase64.counted(slice))) {
			assertThat(new String(result.bytes(), StandardCharsets.UTF_8)).isEqualTo(expected);
			assertThat(result.lossy()).isEqualTo(lossy);
		}
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
