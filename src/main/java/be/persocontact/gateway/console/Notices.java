package be.persocontact.gateway.console;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** What an action did, said on the page the operator is sent back to, in the operator's language. */
@Component
class Notices {

	private final MessageSource messages;

	Notices(MessageSource messages) {
		this.messages = messages;
	}

	void done(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("notice", new Notice(text(key, args), false));
	}

	void refused(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("notice", new Notice(text(key, args), true));
	}

	String text(String key, Object... args) {
		return this.messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

	/** @param problem whether the action was refused or failed */
	record Notice(String text, boolean problem) {
	}

}
