package be.persocontact.gateway.intake;

import java.text.Normalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeUtility;

/**
 * Does the subject read as a machine's? Only the fixed forms mail systems write, at the start of the
 * subject: "Undeliverable: …", "Unzustellbar: …", "メールエラー". A person writing "my mail was
 * undeliverable", or answering or forwarding a bounce ({@code Re:}, {@code Fwd:}, {@code TR:} …), is a
 * person. The subject is compared decoded (encoded words, also ones with blanks inside, which strict
 * decoding leaves alone), in NFKC form (half-width katakana, full-width colons), without a gateway's
 * {@code [EXTERNAL]} tag.
 */
final class MachineSubjects {

	private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

	/** The end of a fixed form: a colon (the original subject follows), a bracket, a dash, or nothing. */
	private static final String END = "\\s*(?:[:(\\[\\-]|$)";

	private static final Pattern BOUNCE = Pattern.compile("^(?:"
			// en: Exchange, Postfix, sendmail, Exim, qmail, Lotus, Gmail, carriers
			+ "undeliverable(?: mail| message)?" + END + "|undelivered (?:mail|message)(?: returned to sender)?" + END
			+ "|delivery status notification\\b|delivery notification\\s*:|delivery (?:failure|failed)(?: notification| notice)?" + END
			+ "|(?:mail|message) delivery (?:failed|failure)" + END + "|returned mail\\s*:|mail system error\\b"
			+ "|failure notice\\s*$|(?:your )?(?:message|mail|e-?mail) (?:was not|wasn't|could not be|couldn't be|not) delivered" + END
			+ "|non[- ]?deliver(?:y|able)(?: report| notification| mail| message)?" + END
			+ "|delivery (?:has been )?delayed\\s*:|delayed mail \\(still being retried\\)|warning: could not send message\\b"
			// nl
			+ "|onbestelbaar(?: bericht)?" + END + "|niet (?:afgeleverd|bezorgd|bestelbaar)" + END
			+ "|(?:het )?bericht (?:is |kon |kan )?niet (?:worden )?(?:afgeleverd|bezorgd)" + END
			+ "|bezorging (?:mislukt|vertraagd)" + END + "|bezorgingsstatusmelding\\b"
			// fr
			+ "|non remis" + END + "|(?:message )?non distribuable" + END + "|non délivré" + END
			+ "|[ée]chec de (?:la )?(?:remise|distribution|livraison)(?: du message)?" + END
			+ "|impossible de (?:remettre|distribuer|délivrer) (?:le|votre) message\\b"
			+ "|notification d'[ée]tat de (?:la )?(?:remise|distribution)\\b|remise (?:différée|retardée)\\s*:"
			// de
			+ "|unzustellbar" + END + "|nicht zustellbar" + END + "|unzustellbare (?:nachricht|e-?mail)\\b"
			+ "|(?:die )?(?:nachricht|e-?mail|mail) (?:konnte|kann) nicht zugestellt werden" + END
			+ "|zustellung (?:fehlgeschlagen|verzögert)" + END + "|fehlgeschlagene (?:e-?mail-?)?zustellung" + END
			+ "|übermittlungsstatusbenachrichtigung\\b|(?:benachrichtigung|mitteilung) (?:über den|zum) (?:zustell|übermittlungs)status\\b"
			// es
			+ "|no se puede entregar" + END + "|(?:mensaje|correo) no entregado" + END + "|no entregado\\s*:"
			+ "|notificaci[óo]n de estado de (?:la )?entrega\\b|(?:error|fallo) (?:en la|de) entrega" + END
			+ "|entrega retrasada\\s*:|correo devuelto" + END
			// it
			+ "|non recapitabile" + END + "|(?:messaggio )?non recapitato" + END + "|(?:notifica di )?mancato recapito\\b"
			+ "|notifica (?:sullo )?stato (?:di |della )?(?:recapito|consegna)\\b|recapito (?:ritardato|non riuscito)" + END
			+ "|impossibile recapitare\\b"
			// pt
			+ "|n[ãa]o [ée] poss[íi]vel entregar" + END + "|(?:mensagem )?n[ãa]o entregue" + END
			+ "|notifica[çc][ãa]o de status de entrega\\b|(?:falha|erro) (?:na|de) entrega" + END
			+ "|entrega atrasada\\s*:|n[ãa]o foi poss[íi]vel entregar\\b"
			// ja: Exchange's "配信不能:", carriers' error mails
			+ "|配信不能" + END + "|(?:メール)?(?:配信|送信)(?:エラー|失敗)(?:のお知らせ|通知)?" + END + "|メールエラー" + END
			+ "|エラーメール" + END + "|配信状態(?:の)?通知|未配信" + END
			// zh: Exchange's "无法送达:" / "無法傳遞:", portals' "系统退信"
			+ "|无法送达" + END + "|无法传递" + END + "|無法傳遞" + END + "|(?:系统|系統)?退信(?:通知)?" + END
			+ "|(?:邮件|郵件)(?:投递|发送|递送|投遞|傳遞|傳送|寄送)(?:失败|失敗)" + END + "|(?:投递|递送|傳遞|投遞)(?:状态|狀態)通知"
			+ "|未送达" + END + ")", FLAGS);

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
			+ "|respuesta autom[áa]tica|fuera de (?:la )?oficina|risposta automatica|fuori (?:sede|ufficio)"
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

	static boolean hasBounceSubject(ParsedMail mail) {
		return BOUNCE.matcher(normalised(mail)).find();
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
