package be.persocontact.gateway.notification;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.FileTemplateResolver;

import org.springframework.context.support.ReloadableResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders a mail from {@code mail-templates/}: {@code html/<name>.html} and {@code text/<name>.txt}
 * with the bundles in {@code i18n/}. A template engine of its own, apart from the web pages', as in
 * Thymeleaf's spring-mail example. Subjects are built here, in Java, and can never span two lines.
 */
@Component
public class MailTemplates {

	private final TemplateEngine engine;

	private final ReloadableResourceBundleMessageSource messages;

	MailTemplates(NotificationSettings settings) {
		Path dir = Path.of(settings.templatesDir()).toAbsolutePath();
		if (!Files.isDirectory(dir.resolve("html")) || !Files.isDirectory(dir.resolve("text"))) {
			throw new IllegalStateException("Mail templates not found in " + dir
					+ " (expected html/ and text/); set GATEWAY_NOTIFICATION_TEMPLATES_DIR");
		}
		this.messages = new ReloadableResourceBundleMessageSource();
		// messages: the acknowledgement's; notifications: every other mail's. Kept apart so that each
		// bundle stays small enough to review in four languages side by side.
		this.messages.setBasenames("file:" + dir.resolve("i18n").resolve("messages"),
				"file:" + dir.resolve("i18n").resolve("notifications"));
		// a missing key must show (as ??key??) and be caught by MailTemplatesUnitTests, never pass as the key
		this.messages.setUseCodeAsDefaultMessage(false);
		this.messages.setDefaultEncoding("UTF-8");
		this.messages.setFallbackToSystemLocale(false);
		SpringTemplateEngine engine = new SpringTemplateEngine();
		// expressions evaluated for every mail are compiled to bytecode once they have run a few times; one
		// that cannot be compiled stays interpreted (Spring's MIXED mode), so no template can fail for it
		engine.setEnableSpringELCompiler(true);
		engine.addTemplateResolver(resolver(dir, "html/*", ".html", TemplateMode.HTML, 1));
		engine.addTemplateResolver(resolver(dir, "text/*", ".txt", TemplateMode.TEXT, 2));
		engine.setTemplateEngineMessageSource(this.messages);
		this.engine = engine;
	}

	private static FileTemplateResolver resolver(Path dir, String pattern, String suffix, TemplateMode mode,
			int order) {
		FileTemplateResolver resolver = new FileTemplateResolver();
		resolver.setPrefix(dir + "/");
		resolver.setSuffix(suffix);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setTemplateMode(mode);
		resolver.setCharacterEncoding("UTF-8");
		resolver.setCheckExistence(true);
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

	public RenderedMail render(String name, String language, Map<String, Object> model) {
		Context context = new Context(Locale.forLanguageTag(language), model);
		return new RenderedMail(this.engine.process("text/" + name, context),
				this.engine.process("html/" + name, context));
	}

	/** The subject line for a mail, from the bundle key {@code subject.<name>}, on one line. */
	public String subject(String name, String language, Object... args) {
		String subject = this.messages.getMessage("subject." + name, args, Locale.forLanguageTag(language));
		return oneLine(subject);
	}

	static String oneLine(String text) {
		return text.replaceAll("[\\r\\n\\t\\u0000-\\u001f\\u007f\\u2028\\u2029]+", " ").replaceAll(" {2,}", " ").strip();
	}

}
