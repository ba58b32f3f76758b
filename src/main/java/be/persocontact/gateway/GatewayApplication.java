package be.persocontact.gateway;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class GatewayApplication {

	/** The Jakarta Mail stream provider, named so that it is not looked up again for every MIME part. */
	static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

	/** The JAXP SAX parser factory, named for the same reason: XMLBeans asks for a new one per Office file. */
	static final String SAX_PARSER_FACTORY = "javax.xml.parsers.SAXParserFactory";

	static {
		nameMailStreamProvider();
		nameSaxParserFactory();
	}

	/**
	 * Names Angus Mail's stream provider before any mail session exists. Unnamed, Jakarta Mail asks the
	 * service loader for it on every MIME part it decodes, scanning every nested jar each time: about a
	 * tenth of intake's CPU (jakartaee/mail-api#699). An operator's own {@code -D} setting wins.
	 */
	static void nameMailStreamProvider() {
		if (System.getProperty(STREAM_PROVIDER) == null) {
			System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
		}
	}

	/**
	 * Names the JDK's own SAX parser factory, the one the lookup finds anyway (no jar of the gateway offers
	 * another). Unnamed, every {@code SAXParserFactory.newInstance()} asks the service loader first; Apache
	 * XMLBeans calls it for every DOCX or XLSX Tika reads, and the scan through the nested jars was 1.2 % of
	 * the gateway's CPU in a flood (docs/benchmarks.md, run 7). An operator's own {@code -D} setting wins.
	 */
	static void nameSaxParserFactory() {
		if (System.getProperty(SAX_PARSER_FACTORY) == null) {
			System.setProperty(SAX_PARSER_FACTORY, "com.sun.org.apache.xerces.internal.jaxp.SAXParserFactoryImpl");
		}
	}

	public static void main(String[] args) {
		SpringApplication.run(GatewayApplication.class, args);
	}

	/** One clock for every module, so that tests can move time (reminders, auto-close, link expiry). */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

}
