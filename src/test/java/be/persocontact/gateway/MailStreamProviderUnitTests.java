package be.persocontact.gateway;

import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway names Jakarta Mail's stream provider and the JAXP SAX parser factory itself, so that no MIME
 * part and no Office file pays a service-loader scan.
 */
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

	@Test
	void theJdkSaxParserFactoryIsNamedAtStartUpAndIsTheOneJaxpReturns() {
		String before = System.clearProperty(GatewayApplication.SAX_PARSER_FACTORY);
		try {
			GatewayApplication.nameSaxParserFactory();

			assertThat(System.getProperty(GatewayApplication.SAX_PARSER_FACTORY))
				.isEqualTo("com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl");
			assertThat(javax.xml.parsers.SAXParserFactory.newInstance().getClass().getName())
				.isEqualTo("com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl");
		}
		finally {
			System.clearProperty(GatewayApplication.SAX_PARSER_FACTORY);
			if (before != null) {
				System.setProperty(GatewayApplication.SAX_PARSER_FACTORY, before);
			}
		}
	}

}
