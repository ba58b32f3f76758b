package be.persocontact.gateway.system;

import be.persocontact.gateway.portal.PortalSettings;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Settings that would leave HR data open refuse start-up, saying what to set: a short operator token, a
 * portal JWT set-up without issuer, audience, or client and scope. The public address warns when a real
 * host is served over plain http.
 */
class UnsafeSettingsIntegrationTests {

	private final ApplicationContextRunner context = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
		.withUserConfiguration(Settings.class);

	@Configuration(proxyBeanMethods = false)
	@EnableConfigurationProperties({ OperatorSettings.class, PortalSettings.class })
	static class Settings {

	}

	@Test
	void anOperatorTokenShorterThan32CharactersRefusesStartUp() {
		this.context.withPropertyValues("gateway.ops.token=test-operator-token").run(started -> {
			assertThat(started).hasFailed();
			assertThat(started.getStartupFailure()).rootCause()
				.hasMessageContaining("GATEWAY_OPS_TOKEN has 19 characters; it must have at least 32");
		});
		this.context.withPropertyValues("gateway.ops.token=").run(started -> assertThat(started).hasNotFailed());
		this.context.withPropertyValues("gateway.ops.token=0123456789abcdef0123456789abcdef")
			.run(started -> assertThat(started.getBean(OperatorSettings.class).isOn()).isTrue());
	}

	@Test
	void aPortalJwtSetUpWithoutIssuerOrAudienceOrClientAndScopeRefusesStartUp() {
		this.context.withPropertyValues("gateway.portal.jwt.jwk-set-uri=https://idp.example.org/keys",
				"gateway.portal.jwt.audience=gateway", "gateway.portal.jwt.scope=helpdesk")
			.run(started -> assertThat(started.getStartupFailure()).rootCause()
				.hasMessageContaining("GATEWAY_PORTAL_JWT_ISSUER_URI is empty"));
		this.context.withPropertyValues("gateway.portal.jwt.issuer-uri=https://idp.example.org",
				"gateway.portal.jwt.scope=helpdesk")
			.run(started -> assertThat(started.getStartupFailure()).rootCause()
				.hasMessageContaining("GATEWAY_PORTAL_JWT_AUDIENCE is empty"));
		this.context.withPropertyValues("gateway.portal.jwt.issuer-uri=https://idp.example.org",
				"gateway.portal.jwt.audience=gateway")
			.run(started -> assertThat(started.getStartupFailure()).rootCause()
				.hasMessageContaining("neither GATEWAY_PORTAL_JWT_CLIENT_IDS nor GATEWAY_PORTAL_JWT_SCOPE"));
		this.context.withPropertyValues("gateway.portal.jwt.issuer-uri=https://idp.example.org",
				"gateway.portal.jwt.audience=gateway", "gateway.portal.jwt.client-ids=hr-portal, hr-app")
			.run(started -> assertThat(started.getBean(PortalSettings.class).jwt().clientIds())
				.containsExactly("hr-portal", "hr-app"));
	}

	@Test
	void aPlainHttpAddressOfARealHostIsWarnedAboutAndAnHttpsOrLocalOneIsNot() {
		assertThat(PublicAddress.plainHttpWarning("http://helpdesk.example.org")).get()
			.asString()
			.contains("GATEWAY_PUBLIC_BASE_URL is http://helpdesk.example.org", "https://");
		assertThat(PublicAddress.plainHttpWarning("http://10.1.2.3:8080")).isPresent();
		assertThat(PublicAddress.plainHttpWarning("https://helpdesk.example.org")).isEmpty();
		assertThat(PublicAddress.plainHttpWarning("http://localhost:8080")).isEmpty();
		assertThat(PublicAddress.plainHttpWarning("http://127.0.0.1:8080")).isEmpty();
		assertThat(PublicAddress.isHttps("HTTPS://helpdesk.example.org")).isTrue();
	}

}
