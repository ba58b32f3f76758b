package be.persocontact.gateway.ticket.web;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import be.persocontact.gateway.access.LinkUse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The page for a link that does not open: 404 for anything not ours, 410 for a link that was ours but
 * expired or was withdrawn. A bad link does not tell us the reader's language, so the page says it in
 * all four, the browser's first; it never names the ticket.
 */
@Component
class LinkProblems {

	private final MessageSource messages;

	LinkProblems(MessageSource messages) {
		this.messages = messages;
	}

	String page(LinkUse.Reason reason, Model model, HttpServletResponse response) {
		String problem = switch (reason) {
			case EXPIRED -> "expired";
			case REVOKED -> "revoked";
			case INVALID -> "invalid";
		};
		response.setStatus(reason == LinkUse.Reason.INVALID ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_GONE);
		Locale first = LocaleContextHolder.getLocale();
		List<ProblemText> texts = Stream.concat(Stream.of(first.getLanguage()), Stream.of("nl", "fr", "de", "en"))
			.distinct()
			.map(Locale::forLanguageTag)
			.map(locale -> new ProblemText(locale.getLanguage(),
					this.messages.getMessage("link." + problem + ".title", null, locale),
					this.messages.getMessage("link." + problem + ".text", null, locale)))
			.toList();
		model.addAttribute("problem", problem);
		model.addAttribute("texts", texts);
		return "ticket/link-problem";
	}

	record ProblemText(String language, String title, String explanation) {
	}

}
