package be.persocontact.gateway.intake;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Signature delimiters ({@code "-- "}, {@code "__"}) and the footers phone and webmail clients add
 * ("Sent from my iPhone", "Verzonden vanaf mijn iPhone", "Von meinem iPhone gesendet", "Get Outlook
 * for Android", …). A footer is a short line of its own: "Sent from my desk, which is easier" is prose.
 */
final class Signatures {

	/** The most lines a signature block has; more is the body going on. */
	static final int LONGEST = 12;

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.UNICODE_CHARACTER_CLASS;

	/** {@code "-- "} (RFC 3676 §4.3), its stripped form {@code "--"}, and {@code "__"}. */
	private static final Pattern DELIMITER = Pattern.compile("^(?:--\\s?|__)$");

	/** A long underscore rule, as Outlook and list managers write above a footer. */
	private static final Pattern RULE = Pattern.compile("^_{20,}\\s*$");

	/** "Sent from my …" and its kin, followed by a device or app name of a few words. */
	private static final Pattern DEVICE_FOOTER = Pattern.compile("^(?:sent from my|sent from|sent via|sent with|"
			+ "sent using|envoyé de mon|envoyé depuis mon|envoyé depuis|envoyé à partir de|envoyé avec|"
			+ "verzonden vanaf mijn|verzonden vanaf|verzonden vanuit|verzonden met|verstuurd vanaf mijn|verstuurd vanaf|"
			+ "verstuurd met|gesendet von meinem|gesendet von|gesendet mit|gesendet vom|enviado desde mi|enviado desde|"
			+ "enviado do meu|enviado do|enviado a partir do|inviato da|inviato dal mio|inviato dal|skickat från min|"
			+ "skickat från|sendt fra min|sendt fra|wysłane z mojego|wysłane z|wysłano z mojego|wysłano z|"
			+ "отправлено с моего|отправлено с|отправлено из|надіслано з мого|надіслано з|lähetetty|发自我的|發自我的|"
			+ "从我的|從我的)\\s*(.{1,60})$", FLAGS);

	/** Footers whose device comes first or that name no device. */
	private static final Pattern FIXED_FOOTER = Pattern.compile("^(?:von meinem .{1,40} gesendet|"
			+ "(?:get|download) outlook for (?:ios|android).*|obtenir outlook pour (?:ios|android).*|"
			+ "télécharger outlook pour (?:ios|android).*|outlook voor (?:ios|android) downloaden.*|"
			+ "download outlook voor (?:ios|android).*|outlook für (?:ios|android) beziehen.*|"
			+ "holen sie sich outlook für (?:ios|android).*|obtener outlook para (?:ios|android).*|"
			+ "scarica outlook per (?:ios|android).*|obter o outlook para (?:ios|android).*|"
			+ "skaffa outlook för (?:ios|android).*|få outlook til (?:ios|android).*|"
			+ ".{1,20}から送信|iphoneから送信|.{1,20}에서 보냄|\\S{1,20}\\s?で送信)$", FLAGS);

	/** "Sent from a magnificent torch of pixels" names no device: prose. */
	private static final Pattern ARTICLE = Pattern.compile("^(?:a|an|the|een|het|de|un|une|le|la|les|ein|eine|der|die|das)\\s",
			FLAGS);

	private Signatures() {
	}

	/** A line that opens a signature block. */
	static boolean isDelimiter(String line) {
		String stripped = line.stripTrailing();
		return DELIMITER.matcher(stripped).matches() || RULE.matcher(stripped).matches();
	}

	/**
	 * Whether the lines below a delimiter read as a signature: at most twelve, and, below a delimiter
	 * other than the standard {@code "-- "}, no sentence among them. A writer who puts {@code "--"}
	 * between a greeting and a long text, or a rule above a paragraph, is writing the body.
	 */
	static boolean isSignatureBlock(String delimiter, List<String> block) {
		List<String> lines = block.stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
		if (lines.size() > LONGEST) {
			return false;
		}
		if (delimiter.equals("-- ")) {
			return true;
		}
		return lines.stream().noneMatch(line -> line.length() > 80
				|| (line.split("\\s+").length >= 6 && line.matches(".*[.!?]$")));
	}

	/** A phone or webmail client's footer line. */
	static boolean isClientFooter(String line) {
		if (line.length() > 200) {
			return false;
		}
		String stripped = line.strip().replaceAll("<https?://[^>]*>", "").strip();
		if (stripped.length() > 90) {
			return false;
		}
		if (FIXED_FOOTER.matcher(stripped).matches()) {
			return true;
		}
		var device = DEVICE_FOOTER.matcher(stripped);
		if (!device.matches()) {
			return false;
		}
		String name = device.group(1).strip();
		if (name.startsWith(":") || name.contains(",") || name.contains(";") || ARTICLE.matcher(name).find()) {
			return false; // "Sent from my desk, which is easier" is a sentence
		}
		int words = name.split("\\s+").length;
		boolean sentence = name.endsWith(".") || name.endsWith("!") || name.endsWith("?");
		return words <= 4 || (words <= 6 && !sentence);
	}

}
