package be.persocontact.gateway.intake;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeUtility;

/**
 * Does the subject read as a machine's? Only the fixed forms mail systems write, at the start of the
 * subject: "Undeliverable: …", "Unzustellbar: …", "メールエラー"; a phrase a person might also write
 * ("Niet afgeleverd: …") only on a mail that returns a message. A person writing "my mail was
 * undeliverable", or answering or forwarding a bounce ({@code Re:}, {@code Fwd:}, {@code TR:} …), is a
 * person. The subject is compared decoded (encoded words, also ones with blanks inside, which strict
 * decoding leaves alone), in NFKC form (half-width katakana, full-width colons), without a gateway's
 * {@code [EXTERNAL]} tag.
 */
final class MachineSubjects {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	/** The end of a fixed form: a colon (the original subject follows), a bracket, a dash, or nothing. */
	private static final String END = "\\s*(?:[:(\\[\\-]|$)";

	/** The fixed forms only mail systems write (Exchange's "Undeliverable:" in each language, Postfix, Exim…). */
	private static final Pattern BOUNCE = Pattern.compile("^(?:"
			// en: Exchange, Postfix, sendmail, Exim, qmail, Lotus, Gmail, carriers
			+ "undeliverable\\s*:|undelivered mail returned to sender|delivery status notification\\b"
			+ "|delivery notification\\s*:|mail delivery failed\\s*:|returned mail\\s*:|mail system error" + END
			+ "|failure notice\\s*$|delivery (?:has been )?delayed\\s*:|delayed mail \\(still being retried\\)"
			+ "|warning: could not send message for past|non[- ]?delivery (?:report|notification)\\b"
			// nl, fr, de, es, it, pt: Exchange's and Gmail's forms
			+ "|onbestelbaar\\s*:|bezorgingsstatusmelding\\b|non remis\\s*:|non distribuable\\s*:"
			+ "|notification d'[ée]tat de (?:la )?(?:remise|distribution)\\b|unzustellbar\\s*:"
			+ "|übermittlungsstatusbenachrichtigung\\b|no se puede entregar\\s*:|notificaci[óo]n de estado de (?:la )?entrega\\b"
			+ "|non recapitabile\\s*:|notifica (?:sullo )?stato (?:di |della )?(?:recapito|consegna)\\b"
			+ "|n[ãa]o [ée] poss[íi]vel entregar\\s*:|notifica[çc][ãa]o de status de entrega\\b"
			// ja: Exchange's "配信不能:", carriers' error mails; zh: Exchange's "无法送达:" / "無法傳遞:", portals' "系统退信"
			+ "|配信不能\\s*:|メールエラー" + END + "|配信状態(?:の)?通知|无法送达\\s*:|无法传递\\s*:|無法傳遞\\s*:"
			+ "|(?:系统|系統)?退信(?:通知)?" + END + "|(?:投递|递送|傳遞|投遞)(?:状态|狀態)通知)", FLAGS);

	/**
	 * Bounce phrases a person might also write ("Niet afgeleverd: werkkledij", "Delivery failure"): they count
	 * only on a mail that returns a message or quotes a delivery error ({@link #returnsAMessage}).
	 */
	private static final Pattern BOUNCE_PHRASE = Pattern.compile("^(?:"
			+ "undeliverable (?:mail|message)" + END + "|undelivered (?:mail|message)" + END
			+ "|delivery (?:failure|failed)(?: notification| notice)?" + END + "|(?:mail|message) delivery (?:failed|failure)" + END
			+ "|(?:your )?message (?:was not|wasn't|could not be|couldn't be|not) delivered" + END
			+ "|your (?:mail|e-?mail) (?:could not be|couldn't be) delivered" + END + "|nondeliverable (?:mail|message)\\b"
			+ "|onbestelbaar bericht\\b|niet (?:afgeleverd|bezorgd|bestelbaar)" + END
			+ "|(?:het )?bericht (?:is |kon |kan )?niet (?:worden )?(?:afgeleverd|bezorgd)" + END
			+ "|bezorging (?:mislukt|vertraagd)" + END
			+ "|(?:message )?non distribuable" + END + "|non délivré" + END
			+ "|[ée]chec de (?:la )?(?:remise|distribution)(?: du message)?" + END
			+ "|impossible de (?:remettre|distribuer|délivrer) (?:le|votre) message\\b|remise (?:différée|retardée)\\s*:"
			+ "|nicht zustellbar" + END + "|unzustellbare (?:nachricht|e-?mail)\\b"
			+ "|(?:die )?(?:nachricht|e-?mail|mail) (?:konnte|kann) nicht zugestellt werden" + END
			+ "|zustellung (?:fehlgeschlagen|verzögert)" + END + "|fehlgeschlagene (?:e-?mail-?)?zustellung" + END
			+ "|(?:mensaje|correo) no entregado" + END + "|no entregado\\s*:|(?:error|fallo) (?:en la|de) entrega" + END
			+ "|entrega retrasada\\s*:|correo devuelto" + END
			+ "|(?:messaggio )?non recapitato" + END + "|(?:notifica di )?mancato recapito\\b"
			+ "|recapito (?:ritardato|non riuscito)" + END + "|impossibile recapitare\\b"
			+ "|(?:mensagem )?n[ãa]o entregue" + END + "|(?:falha|erro) (?:na|de) entrega" + END
			+ "|entrega atrasada\\s*:|n[ãa]o foi poss[íi]vel entregar\\b"
			+ "|(?:メール)?(?:配信|送信)(?:エラー|失敗)(?:のお知らせ|通知)?" + END + "|エラーメール" + END + "|未配信" + END
			+ "|(?:邮件|郵件)(?:投递|发送|递送|投遞|傳遞|傳送|寄送)(?:失败|失敗)" + END + "|未送达" + END + ")", FLAGS);

	/** Lines of a returned message or of a delivery error, as bounces without a DSN part quote them. */
	private static final Pattern DELIVERY_EVIDENCE = Pattern.compile("(?m)^[ \\t>]*(?:Message-ID|Received|Return-Path"
			+ "|X-Failed-Recipients|Final-Recipient|Original-Recipient|Diagnostic-Code|Reporting-MTA|Remote-MTA"
			+ "|MAIL FROM|RCPT TO)\\s*:|\\b[45]\\.[0-7]\\.\\d{1,3}\\b", Pattern.CASE_INSENSITIVE);

	/** Mailing-list managers refusing or holding a post. */
	private static final Pattern LIST_REFUSAL = Pattern.compile("^(?:"
			+ "your (?:message|mail|e-?mail|post|posting) to .{1,200}? (?:awaits|is awaiting|requires|needs) "
			+ "(?:moderator |list owner |the moderator's )?(?:approval|moderation)"
			+ "|your (?:message|mail|e-?mail|post|posting) to .{1,200}? (?:has been|was|is) "
			+ "(?:rejected|refused|denied|not accepted|held|discarded)"
			+ "|rejected posting to\\b|message distribution:\\s*authori[sz]ation denied"
			+ "|you (?:are not allowed|are not authori[sz]ed|do not have permission|don't have permission) to post\\b"
			+ "|(?:uw|je) bericht aan .{1,200}? (?:wacht op goedkeuring|is geweigerd|werd geweigerd|is afgewezen)"
			+ "|votre message (?:à|a|pour|destiné à) .{1,200}? (?:est en attente|attend|a été rejeté|a été refusé|n'a pas été accepté)"
			+ "|ihre nachricht an .{1,200}? (?:wartet auf|erfordert|wurde abgelehnt|wurde zurückgewiesen))", FLAGS);

	/**
	 * Out-of-office subjects of Exchange, Gmail, Zimbra and others. Bare words such as "Afwezigheid:",
	 * "Absence :" or "Abwesend:" do not count: on an HR helpdesk they are how employees report an absence.
	 */
	private static final Pattern OUT_OF_OFFICE = Pattern.compile("^(?:automatic reply|auto[- ]?reply|autoreply"
			+ "|out of (?:the )?office|away from (?:the )?office|on vacation|vacation reply"
			+ "|automatisch antwoord|automatisch bericht|afwezigheidsbericht|afwezigheidsmelding|buiten kantoor"
			+ "|réponse automatique|reponse automatique|absent\\(e\\)|absent du bureau|message d'absence"
			+ "|automatische antwort|abwesenheitsnotiz|nicht im büro|außer haus|ausser haus"
			+ "|respuesta autom[áa]tica|fuera de (?:la )?oficina|risposta automatica|fuori ufficio"
			+ "|resposta autom[áa]tica|fora do escrit[óo]rio|autosvar|automatisk svar"
			+ "|自動応答|自動返信|不在通知|自动回复|自動回覆|自动答复)\\s*[:\\-(\\[]", FLAGS);

	/** Tags that systems put in the subject of what they generate. */
	private static final Pattern AUTO_GENERATED = Pattern.compile("\\[\\s*auto[\\s_-]*generated\\s*]"
			+ "|\\(\\s*auto[\\s_-]*generated\\s*\\)|^auto[\\s_-]*generated\\b\\s*(?:message|mail|e-?mail|notification|notice)?\\s*[:\\-]"
			+ "|\\[\\s*automated(?: message| notification| e-?mail| mail)?\\s*]"
			+ "|^(?:this is an )?automated (?:message|notification|e-?mail)\\s*[:\\-]"
			+ "|\\[\\s*(?:automatisch gegenereerd|automatisch bericht|message automatique|automatisch generiert)\\s*]", FLAGS);

	/** Reply and forward prefixes of many clients and languages. */
	private static final Pattern REPLY_OR_FORWARD = Pattern.compile("^(?:re|fw|fwd|tr|wg|aw|antw|antwoord|doorst"
			+ "|sv|vs|rv|r|i|enc|res|odp|回复|回覆|答复|转发|轉寄|返信|転送)\\s*(?:\\[\\d+])?\\s*:", FLAGS);

	private static final Pattern GATEWAY_TAG = Pattern.compile("^(?:\\[\\s*(?:external|ext|extern|externe|spam|"
			+ "suspected spam|caution|warning)\\s*]|\\*+\\s*(?:external|spam)\\s*\\*+)\\s*", FLAGS);

	/** An encoded word, also one a broken client wrote with blanks inside (strict decoding skips those). */
	private static final Pattern ENCODED_WORD = Pattern.compile("=\\?[^?\\s]+\\?[bBqQ]\\?[^?]*?\\?=");

	private MachineSubjects() {
	}

	/** A fixed bounce form, or a bounce phrase on a mail that returns a message or quotes a delivery error. */
	static boolean hasBounceSubject(ParsedMail mail) {
		String subject = normalised(mail);
		return BOUNCE.matcher(subject).find() || (BOUNCE_PHRASE.matcher(subject).find() && returnsAMessage(mail));
	}

	/** Any bounce form or phrase, whatever the mail carries: for mail that is a machine's on other grounds. */
	static boolean readsAsBounce(ParsedMail mail) {
		String subject = normalised(mail);
		return BOUNCE.matcher(subject).find() || BOUNCE_PHRASE.matcher(subject).find();
	}

	/** A returned message or its headers, or their lines (or an enhanced status code) quoted in the text. */
	static boolean returnsAMessage(ParsedMail mail) {
		if (mail.hasPart("message/rfc822") || ReportParts.carriesReturnedHeaders(mail)) {
			return true;
		}
		String text = mail.partText("text/plain");
		return text != null && DELIVERY_EVIDENCE.matcher(text).find();
	}

	static boolean hasListRefusalSubject(ParsedMail mail) {
		return LIST_REFUSAL.matcher(normalised(mail)).find();
	}

	static boolean hasOutOfOfficeSubject(ParsedMail mail) {
		return OUT_OF_OFFICE.matcher(normalised(mail)).find();
	}

	/** An auto-generated tag, unless a person answers or forwards such a mail. */
	static boolean hasAutoGeneratedSubject(ParsedMail mail) {
		String subject = normalised(mail);
		return !REPLY_OR_FORWARD.matcher(subject).find() && AUTO_GENERATED.matcher(subject).find();
	}

	/** The subject as the patterns read it. */
	static String normalised(ParsedMail mail) {
		String subject = mail.subject();
		if (subject.contains("=?")) {
			subject = decodeEveryWord(subject);
		}
		subject = Normalizer.normalize(subject, Normalizer.Form.NFKC).replaceAll("\\s+", " ").strip();
		Matcher tag = GATEWAY_TAG.matcher(subject);
		while (tag.find()) {
			subject = subject.substring(tag.end());
			tag = GATEWAY_TAG.matcher(subject);
		}
		return subject;
	}

	/** Encoded words wherever they stand; the blanks between two of them belong to neither (RFC 2047 §6.2). */
	private static String decodeEveryWord(String subject) {
		Matcher word = ENCODED_WORD.matcher(subject.replaceAll("\\?=\\s+=\\?", "?==?"));
		StringBuilder decoded = new StringBuilder();
		while (word.find()) {
			String text;
			try {
				text = MimeUtility.decodeWord(word.group());
			}
			catch (Exception undecodable) {
				text = word.group();
			}
			word.appendReplacement(decoded, Matcher.quoteReplacement(text));
		}
		word.appendTail(decoded);
		return decoded.toString();
	}

}
