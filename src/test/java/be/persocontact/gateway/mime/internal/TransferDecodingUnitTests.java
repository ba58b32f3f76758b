package be.persocontact.gateway.mime.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;

import be.persocontact.gateway.mime.ReadNote;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class TransferDecodingUnitTests {

	private static final String TEXT = "Graag een attest mantelzorg.\r\n";

	@ParameterizedTest
	@ValueSource(strings = { "7-bit", "8bits", "plain", "text/html", "7BIT ", " 8-bit", "binary", "\"7bit\"" })
	void oddSpellingsOfTheIdentityEncodingsLeaveTheBytesAsTheyAre(String written) {
		TransferDecoding.Decoded decoded = TransferDecoding.decode(written, bytes(TEXT), "the message");

		assertThat(text(decoded)).isEqualTo(TEXT);
		assertThat(decoded.unreadable()).isNull();
		assertThat(decoded.note() == null || decoded.note().kind() == ReadNote.Kind.REPAIRED).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "quoted-printable", "Quoted-Printable", "quoted-printable   ", "\"quoted-printable \"",
			"quoted_printable", "quoted-printable; charset=utf-8" })
	void quotedPrintableIsRecognisedThroughBlanksQuotesAndCase(String written) {
		TransferDecoding.Decoded decoded = TransferDecoding.decode(written, bytes("Ren=C3=A9 =\r\nMaes"), "part 1");

		assertThat(text(decoded)).isEqualTo("René Maes");
	}

	@Test
	void anUnknownEncodingIsReadAs8bitAndNotedAsDamage() {
		TransferDecoding.Decoded decoded = TransferDecoding.decode("x-binhex", bytes(TEXT), "part 2");

		assertThat(text(decoded)).isEqualTo(TEXT);
		assertThat(decoded.note().kind()).isEqualTo(ReadNote.Kind.DAMAGED);
		assertThat(decoded.note().text()).contains("part 2", "x-binhex", "8bit");
	}

	@Test
	void uuencodeWithoutItsBeginLineIsDecoded() {
		String lines = ">1W)A86<@965N(&%T=&5S=\"!M86YT96QZ;W)G+@T*\n`\nend\n";

		TransferDecoding.Decoded decoded = TransferDecoding.decode("x-uuencode", bytes(lines), "part 2");

		assertThat(text(decoded)).isEqualTo(TEXT);
	}

	@Test
	void gzip64IsUnpacked() throws IOException {
		TransferDecoding.Decoded decoded = TransferDecoding.decode("x-gzip64", gzip64(bytes(TEXT)), "part 2");

		assertThat(text(decoded)).isEqualTo(TEXT);
		assertThat(decoded.unreadable()).isNull();
	}

	@Test
	void gzip64ThatDoesNotUnpackLeavesAnUnreadablePartWithItsReason() throws IOException {
		byte[] cut = Base64.getEncoder().encode(java.util.Arrays.copyOf(gzip(bytes(TEXT)), 12));

		TransferDecoding.Decoded decoded = TransferDecoding.decode("x-gzip64", cut, "part 2 (a.txt)");

		assertThat(decoded.content()).isEmpty();
		assertThat(decoded.unreadable()).contains("could not be unpacked");
		assertThat(decoded.note().kind()).isEqualTo(ReadNote.Kind.DAMAGED);
	}

	@Test
	void gzip64ThatUnpacksBeyondTheCeilingIsABombNotADocument() throws IOException {
		byte[] bomb = gzip64(new byte[TransferDecoding.MAX_UNPACKED + 1]);

		TransferDecoding.Decoded decoded = TransferDecoding.decode("x-gzip64", bomb, "part 2");

		assertThat(decoded.content()).isEmpty();
		assertThat(decoded.unreadable()).contains("more than");
	}

	@Test
	void base64WithLossSaysSo() {
		TransferDecoding.Decoded decoded = TransferDecoding.decode("base64", bytes("SGFsbG8=Q"), "part 3");

		assertThat(text(decoded)).isEqualTo("Hallo");
		assertThat(decoded.note().kind()).isEqualTo(ReadNote.Kind.DAMAGED);
	}

	private static byte[] gzip64(byte[] content) throws IOException {
		return Base64.getMimeEncoder().encode(gzip(content));
	}

	private static byte[] gzip(byte[] content) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
			zip.write(content);
		}
		return out.toByteArray();
	}

	private static String text(TransferDecoding.Decoded decoded) {
		return new String(decoded.content(), StandardCharsets.UTF_8);
	}

	@Test
	void textLabelledBase64IsReadAsItStandsAndNotedAsDamage() {
		String text = "Beste, in bijlage mijn attest.\r\nIk ben afwezig van 3 tot 7 maart.\r\nMet vriendelijke groeten,\r\nAnna\r\n";

		TransferDecoding.Decoded decoded = TransferDecoding.decode("base64", bytes(text), "part 1");

		assertThat(text(decoded)).isEqualTo(text);
		assertThat(decoded.note().kind()).isEqualTo(ReadNote.Kind.DAMAGED);
		assertThat(decoded.note().text()).contains("part 1", "declared base64 but written as text");
	}

	@Test
	void base64WithAFooterOfTextIsStillBase64() {
		String encoded = "R3JhYWcgZWVuIGF0dGVzdCBtYW50ZWx6b3JnLg0K\r\n-- \r\nSent through the list\r\nUnsubscribe: mail us\r\n";

		TransferDecoding.Decoded decoded = TransferDecoding.decode("base64", bytes(encoded), "part 1");

		assertThat(text(decoded)).startsWith(TEXT);
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
