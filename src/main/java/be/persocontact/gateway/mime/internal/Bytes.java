package be.persocontact.gateway.mime.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Header bytes as text: UTF-8 when they are valid UTF-8, else windows-1252 (what 8-bit headers mostly are). */
final class Bytes {

	private Bytes() {
	}

	static String text(byte[] bytes) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(bytes))
				.toString();
		}
		catch (CharacterCodingException notUtf8) {
			return new String(bytes, Charset.forName("windows-1252"));
		}
	}

}
