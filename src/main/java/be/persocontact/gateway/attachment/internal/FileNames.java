package be.persocontact.gateway.attachment.internal;

import java.text.Normalizer;

/**
 * File names as a sender wrote them are hostile until cleaned: no path, no control or bidi
 * characters (which can show {@code exe.pdf} as {@code fdp.exe}), nothing a file system or a header
 * chokes on, and a bounded length that keeps the extension.
 */
public final class FileNames {

	static final String FALLBACK = "attachment";

	private static final int MAX_LENGTH = 180;

	private FileNames() {
	}

	public static String sanitise(String name) {
		if (name == null) {
			return FALLBACK;
		}
		String cleaned = Normalizer.normalize(name, Normalizer.Form.NFC);
		int slash = Math.max(cleaned.lastIndexOf('/'), cleaned.lastIndexOf('\\'));
		cleaned = cleaned.substring(slash + 1);
		cleaned = cleaned.replaceAll("[\\p{Cntrl}\\p{Cf}\\u2028\\u2029]", "");
		cleaned = cleaned.replaceAll("[<>:\"|?*]", "_");
		cleaned = cleaned.replaceAll("\\s+", " ").strip();
		cleaned = cleaned.replaceAll("^[. ]+", "").replaceAll("[. ]+$", "");
		if (cleaned.isEmpty()) {
			return FALLBACK;
		}
		if (cleaned.length() > MAX_LENGTH) {
			int dot = cleaned.lastIndexOf('.');
			String extension = dot > 0 && cleaned.length() - dot <= 10 ? cleaned.substring(dot) : "";
			cleaned = cleaned.substring(0, MAX_LENGTH - extension.length()).strip() + extension;
		}
		return cleaned;
	}

}
