package be.persocontact.gateway;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The module structure of STYLE.md, enforced: no cycles, no reaching into internals, a clean domain. */
class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(GatewayApplication.class);

	@Test
	void modulesHaveNoCyclesAndOnlyUseEachOthersApi() {
		this.modules.verify();
	}

	@Test
	void theTicketDomainKnowsNoTransportNorParser() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("be.persocontact.gateway.ticket");
		noClasses().that()
			.resideInAPackage("be.persocontact.gateway.ticket")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.camel..", "jakarta.mail..", "org.eclipse.angus..", "org.apache.tika..")
			.because("tickets are the same whatever channel or file format they came from")
			.check(classes);
	}

	@Test
	void onlyTheAttachmentModulesInternalsKnowTika() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("be.persocontact.gateway");
		noClasses().that()
			.resideOutsideOfPackage("be.persocontact.gateway.attachment.internal..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.apache.tika..")
			.because("the parser is replaceable (and isolatable) only while it stays behind TextExtractor")
			.check(classes);
	}

}
