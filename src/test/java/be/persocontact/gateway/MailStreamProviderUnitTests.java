package be.persocontact.gateway;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The gateway names Jakarta Mail's stream provider itself, so that no MIME part pays a service-loader scan. */
class MailStreamProviderUnitTests {

	@Test
	void theAngusStreamProviderIsNamedAtStartUpAndIsTheOneJakartaMailUses() {
		String before = System.clearProperty(GatewayApplication.STREAM_PROVIDER);
		try {
			GatewayApplication.nameMailStreamProvider();

			assertThat(System.getProperty(GatewayApplication.STREAM_PROVIDER))
				.isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
			assertThat(StreamProvider.provider().getClass().getName())
				.isEqualTo("org.eclipse.angus.mail.util.MailStreamProvider");
		}
		finally {
			if (before != null) {
				System.setProperty(GatewayApplication.STREAM_PROVIDER, before);
			}
		}
	}

}
