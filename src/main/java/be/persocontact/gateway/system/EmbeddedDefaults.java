package be.persocontact.gateway.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Decides, before any bean exists, whether the gateway runs against real servers or starts its
 * embedded ones. No datasource URL configured means an embedded MariaDB; no mail host configured
 * means an embedded GreenMail. The decision is written into the environment so that the rest of the
 * application (datasource, Camel endpoint placeholders) sees one consistent configuration.
 */
public class EmbeddedDefaults implements EnvironmentPostProcessor {

	static final String SOURCE_NAME = "gateway-embedded-defaults";

	/**
	 * Every context of a JVM shares one embedded MariaDB ({@link EmbeddedMariaDb#acquire}), so "any free
	 * port" is chosen once: a second test context must connect where the first one started the server.
	 */
	private static int sharedDbPort;

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		if (!hasText(environment, "spring.datasource.url")) {
			int port = sharedDbPort(environment);
			String database = environment.getProperty("gateway.embedded.db.name", "persocontact");
			defaults.put("gateway.embedded.db.enabled", "true");
			defaults.put("gateway.embedded.db.port", port);
			defaults.put("spring.datasource.url", "jdbc:mariadb://127.0.0.1:" + port + "/" + database
					+ "?createDatabaseIfNotExist=true");
			defaults.put("spring.datasource.username", "root");
			defaults.put("spring.datasource.password", "");
		}
		if (!hasText(environment, "gateway.mail.host")) {
			defaults.put("gateway.embedded.mail.enabled", "true");
			defaults.put("gateway.mail.host", "127.0.0.1");
			defaults.put("gateway.mail.imap-protocol", "imap");
			defaults.put("gateway.mail.smtp-protocol", "smtp");
			defaults.put("gateway.mail.imap-port", resolvePort(environment, "gateway.embedded.mail.imap-port", 3143));
			defaults.put("gateway.mail.smtp-port", resolvePort(environment, "gateway.embedded.mail.smtp-port", 3025));
		}
		if (!defaults.isEmpty()) {
			// highest precedence: the embedded servers' addresses must win over packaged defaults
			environment.getPropertySources().addFirst(new MapPropertySource(SOURCE_NAME, defaults));
		}
	}

	private static boolean hasText(ConfigurableEnvironment environment, String key) {
		String value = environment.getProperty(key);
		return value != null && !value.isBlank();
	}

	private static synchronized int sharedDbPort(ConfigurableEnvironment environment) {
		if (environment.getProperty("gateway.embedded.db.port", Integer.class, 0) != 0) {
			return resolvePort(environment, "gateway.embedded.db.port", 0);
		}
		if (sharedDbPort == 0) {
			sharedDbPort = resolvePort(environment, "gateway.embedded.db.port", 0);
		}
		return sharedDbPort;
	}

	/** A configured port of 0 means "any free port", which lets test contexts run side by side. */
	private static int resolvePort(ConfigurableEnvironment environment, String key, int fallback) {
		int port = environment.getProperty(key, Integer.class, fallback);
		if (port != 0) {
			return port;
		}
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("No free local port for " + key, ex);
		}
	}

}
