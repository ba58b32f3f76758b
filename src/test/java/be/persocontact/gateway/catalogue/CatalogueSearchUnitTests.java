package be.persocontact.gateway.catalogue;

import org.junit.jupiter.api.Test;

import org.springframework.core.io.DefaultResourceLoader;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueSearchUnitTests {

	private final CatalogueManagement catalogue = new CatalogueManagement(
			new CatalogueSettings("classpath:catalogue/catalogue.yaml"), new DefaultResourceLoader());

	@Test
	void aKeywordFindsFormsInAnyOfTheFourLanguagesIgnoringAccentsAndCase() {
		assertThat(this.catalogue.search("ouderschapsverlof")).extracting(Form::code).containsExactly("reduction-of-working-time");
		assertThat(this.catalogue.search("CONGE PARENTAL")).extracting(Form::code).containsExactly("reduction-of-working-time");
		assertThat(this.catalogue.search("Telearbeit")).extracting(Form::code).containsExactly("telework-agreement");
		assertThat(this.catalogue.search("bicycle")).extracting(Form::code).containsExactly("commuting");
	}

	@Test
	void formsWhoseTitleMatchesComeFirst() {
		assertThat(this.catalogue.search("attest")).extracting(Form::code).first().isEqualTo("employer-attestation");
	}

	@Test
	void anEmptyQueryFindsNothing() {
		assertThat(this.catalogue.search("  ")).isEmpty();
	}

}
