package be.persocontact.gateway;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DebianPackagesUnitTests {

	private static final Path MISSING = Path.of("/usr/bin/no-such-program-persocontact");

	@Test
	void aTestWhoseProgramIsMissingIsSkippedOnADevelopersMachine() {
		assertThat(DebianPackages.installed(false, "SomeBrowserTests", "chromium chromium-driver", MISSING)).isFalse();
	}

	@Test
	void aTestWhoseProgramIsMissingFailsInCiNamingThePackagesToInstall() {
		assertThatThrownBy(() -> DebianPackages.installed(true, "SomeBrowserTests", "chromium chromium-driver", MISSING))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("SomeBrowserTests")
			.hasMessageContaining("apt-get install -y chromium chromium-driver");
	}

	@Test
	void aTestWhoseProgramsAreInstalledRunsInCiAndOutside() {
		Path shell = Path.of("/bin/sh");
		assertThat(DebianPackages.installed(false, "SomeTests", "dash", shell)).isTrue();
		assertThat(DebianPackages.installed(true, "SomeTests", "dash", shell)).isTrue();
	}

}
