package be.persocontact.gateway.attachment.internal;

import be.persocontact.gateway.attachment.AttachmentSettings;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Wires the pipeline. The parser is Tika unless a {@link TextExtractor} bean is present (tests put a
 * parser that hangs there); the limits wrap whichever it is.
 */
@Configuration(proxyBeanMethods = false)
class AttachmentConfiguration {

	@Bean(destroyMethod = "close")
	AttachmentInspector attachmentInspector(AttachmentSettings settings, ObjectProvider<TextExtractor> parser,
			MeterRegistry registry) {
		return AttachmentInspector.standard(settings, parser.getIfAvailable(() -> AttachmentInspector.tika(settings)),
				registry);
	}

}
