package be.persocontact.gateway.access;

import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.ui.ModelMap;
import org.springframework.web.servlet.ModelAndView;

/**
 * The page for a link that does not open, the same for every kind of link: 404 for anything not ours,
 * 410 for a link that was ours but expired or was withdrawn. A bad link does not tell us the reader's
 * language, so the page says it in all four, the browser's first; it never names the ticket.
 */
@Component
public class LinkProblemPage {

	static final String VIEW = "link/problem";

	private final MessageSource messages;

	LinkProblemPage(MessageSource messages) {
		this.messages = messages;
	}

	/** Fills the model and the status for a controller that returns a view name. */
	public String page(LinkUse.Reason reason, Model model, HttpServletResponse response) {
		ModelMap attributes = new ModelMap();
		response.setStatus(fill(reason, attributes));
		model.addAllAttributes(attributes);
		return VIEW;
	}

	/** The page as a view, for a controller that otherwise answers with something else (a file). */
	public ModelAndView view(LinkUse.Reason reason) {
		ModelMap attributes = new ModelMap();
		int status = fill(reason, attributes);
		ModelAndView view = new ModelAndView(VIEW, attributes);
		view.setStatus(org.springframework.http.HttpStatus.valueOf(status));
		return view;
	}

	private int fill(LinkUse.Reason reason, ModelMap model) {
		String problem = switch (reason) {
			case EXPIRED -> "expired";
			case REVOKED -> "revoked";
			case INVALID -> "invalid";
		};
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
		return reason == LinkUse.Reason.INVALID ? HttpServletResponse.SC_NOT_FOUND : HttpServletResponse.SC_GONE;
	}

	/** The title and explanation in one language. */
	public record ProblemText(String language, String title, String explanation) {
	}

}
