package be.persocontact.gateway.system;

import java.net.URI;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The public base URL every mailed link starts with. A signed link is the only credential to an
 * employee's HR file, so anything but a local trial must be served over HTTPS: the gateway warns at every
 * start when it is not (it cannot refuse, since TLS usually ends at a proxy in front of it), and sends HSTS
 * when it is.
 */
@Component
class PublicAddress {

	private static final Logger log = LoggerFactory.getLogger(PublicAddress.class);

	private final String baseUrl;

	PublicAddress(@Value("${gateway.public-base-url}") String baseUrl) {
		this.baseUrl = baseUrl;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warnWhenPlainHttp() {
		plainHttpWarning(this.baseUrl).ifPresent(log::warn);
	}

	static boolean isHttps(String baseUrl) {
		return baseUrl != null && baseUrl.strip().toLowerCase(Locale.ROOT).startsWith("https://");
	}

	/** The warning for a base URL that is {@code http} on a host other than this machine; empty otherwise. */
	static Optional<String> plainHttpWarning(String baseUrl) {
		if (isHttps(baseUrl)) {
			return Optional.empty();
		}
		String host = hostOf(baseUrl);
		if (host != null && isLocal(host)) {
			return Optional.empty();
		}
		return Optional.of("GATEWAY_PUBLIC_BASE_URL is " + baseUrl + ": the signed links in every mail, the only "
				+ "credential to an employee's requests and files, would travel and open unencrypted. Serve the gateway "
				+ "behind HTTPS and set an https:// address (only a trial on this machine may use http://localhost).");
	}

	private static String hostOf(String baseUrl) {
		try {
			String host = URI.create(baseUrl.strip()).getHost();
			return host == null ? null : host.toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null;
		}
	}

	private static boolean isLocal(String host) {
		return host.equals("localhost") || host.endsWith(".localhost") || host.startsWith("127.")
				|| host.equals("[::1]") || host.equals("::1");
	}

}
