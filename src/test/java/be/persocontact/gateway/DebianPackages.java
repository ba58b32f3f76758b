package be.persocontact.gateway;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * For tests that drive a program from Debian's packages (Chromium, Dovecot): whether it is installed.
 * On a developer's machine without it the test is skipped, with a message that names the packages to
 * install; in CI ({@code CI=true}, set by {@code .ci/run}, which installs them) a missing program fails.
 */
public final class DebianPackages {

	private DebianPackages() {
	}

	/** True when every program is executable; otherwise false with a loud message, or a failure in CI. */
	public static boolean installed(String test, String packages, Path... programs) {
		return installed("true".equals(System.getenv("CI")), test, packages, programs);
	}

	/** As {@link #installed}, for data a package brings: true when the directory is there. */
	public static boolean installedData(String test, String packages, Path directory) {
		return noneMissing("true".equals(System.getenv("CI")), test, packages,
				Files.isDirectory(directory) ? List.of() : List.of(directory));
	}

	static boolean installed(boolean ci, String test, String packages, Path... programs) {
		return noneMissing(ci, test, packages,
				Arrays.stream(programs).filter(program -> !Files.isExecutable(program)).toList());
	}

	private static boolean noneMissing(boolean ci, String test, String packages, List<Path> missing) {
		if (missing.isEmpty()) {
			return true;
		}
		String missingText = missing.stream().map(Path::toString).collect(Collectors.joining(", "));
		if (ci) {
			throw new IllegalStateException(test + " cannot run: " + missingText + " missing (apt-get install -y "
					+ packages + "). With CI=true no test is skipped for a missing package: .ci/run installs them.");
		}
		System.err.println("""

				**********************************************************************************************
				  SKIPPED %s: %s missing.
				  To run it: apt-get install -y %s   (with CI=true this is a failure)
				**********************************************************************************************
				""".formatted(test, missingText, packages));
		return false;
	}

}
