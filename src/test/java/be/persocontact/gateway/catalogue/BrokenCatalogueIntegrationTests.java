package be.persocontact.gateway.catalogue;

import be.persocontact.gateway.GatewayApplication;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The whole gateway, started with a broken catalogue, refuses to start and says where the mistake is. */
class BrokenCatalogueIntegrationTests {

	@Test
	void aBrokenCatalogueStopsStartUpWithAMessageNamingTheFileTheFormAndTheField() {
		String location = "classpath:catalogue-fixtures/select_without_options.yaml";
		assertThatThrownBy(() -> new SpringApplicationBuilder(GatewayApplication.class).profiles("test")
			.run("--gateway.catalogue.location=" + location, "--server.port=0")
			.close())
			.rootCause()
			.isInstanceOf(CatalogueInvalid.class)
			.hasMessage("Catalogue " + location + ", theme 'hr-requests', form 'reduction-of-working-time', "
					+ "field 'kind': a select field needs options");
	}

}
