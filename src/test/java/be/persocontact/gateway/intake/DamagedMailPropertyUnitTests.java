package be.persocontact.gateway.intake;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import be.persocontact.gateway.attachment.MailAttachments;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Real mail arrives damaged in ways no fixture foresees: cut off in transit, a header line lost, bytes
 * garbled by a gateway, a boundary repeated or gone. Every mail of the corpus, damaged in many such
 * ways (seeded, so a failure can be reproduced), must still be read without an exception — a
 * deterministic read failure would otherwise be a mail the intake can never finish — and a mail whose
 * From line survived intact keeps its sender.
 */
class DamagedMailPropertyUnitTests {

	private static final int DAMAGES_PER_MAIL = 40;

	@TestFactory
	Stream<DynamicTest> everyCorpusMailStillReadsAfterRandomDamage() throws IOException {
		List<Path> fixtures;
		try (Stream<Path> files = Files.list(MailFixtureCorpusIntegrationTests.CORPUS)) {
			fixtures = files.filter(path -> path.toString().endsWith(".eml")).sorted().toList();
		}
		assertThat(fixtures).hasSizeGreaterThan(60);
		return fixtures.stream()
			.map(eml -> DynamicTest.dynamicTest(eml.getFileName().toString(), () -> damageAndRead(eml)));
	}

	private static void damageAndRead(Path eml) throws IOException {
		byte[] original = Files.readAllBytes(eml);
		SplittableRandom random = new SplittableRandom(eml.getFileName().toString().hashCode());
		for (int i = 0; i < DAMAGES_PER_MAIL; i++) {
			Damage damage = Damage.values()[random.nextInt(Damage.values().length)];
			byte[] damaged = damage.apply(original, random);
			String what = eml.getFileName() + " damaged by " + damage + " (round " + i + ")";
			assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
				ParsedMail mail = ParsedMail.parse(damaged);
				assertThatCode(mail::body).as(what).doesNotThrowAnyException();
				assertThatCode(mail::subject).as(what).doesNotThrowAnyException();
				assertThatCode(mail::referencedMessageIds).as(what).doesNotThrowAnyException();
				assertThatCode(() -> MailAttachments.from(damaged)).as(what).doesNotThrowAnyException();
				String fromLine = fromLine(original);
				if (fromLine != null && fromLine(damaged) != null && fromLine(damaged).equals(fromLine)
						&& headerBlockIntact(original, damaged) && ParsedMail.parse(original).sender() != null) {
					assertThat(mail.sender()).as(what).isNotNull();
				}
			}, what);
		}
	}

	/** The kinds of damage mail suffers between a sender's client and our inbox. */
	private enum Damage {

		TRUNCATED {
			@Override
			byte[] apply(byte[] mail, SplittableRandom random) {
				return java.util.Arrays.copyOf(mail, Math.max(1, random.nextInt(mail.length)));
			}
		},
		LINE_LOST {
			@Override
			byte[] apply(byte[] mail, SplittableRandom random) {
				List<String> lines = lines(mail);
				if (lines.size() > 1) {
					lines.remove(random.nextInt(lines.size()));
				}
				return join(lines);
			}
		},
		LINE_REPEATED {
			@Override
			byte[] apply(byte[] mail, SplittableRandom random) {
				List<String> lines = lines(mail);
				int at = random.nextInt(lines.size());
				lines.add(at, lines.get(at));
				return join(lines);
			}
		},
		BYTES_GARBLED {
			@Override
			byte[] apply(byte[] mail, SplittableRandom random) {
				byte[] copy = mail.clone();
				for (int n = 0; n < 1 + random.nextInt(8); n++) {
					copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
				}
				return copy;
			}
		},
		BYTES_INSERTED {
			@Override
			byte[] apply(byte[] mail, SplittableRandom random) {
				int at = random.nextInt(mail.length);
				byte[] junk = new byte[1 + random.nextInt(64)];
				for (int n = 0; n < junk.length; n++) {
					junk[n] = (byte) random.nextInt(256);
				}
				ByteArrayOutputStream out = new ByteArrayOutputStream();
				out.write(mail, 0, at);
				out.writeBytes(junk);
				out.write(mail, at, mail.length - at);
				return out.toByteArray();
			}
		},
		HEADER_BODY_SEPARATOR_LOST {
			@Override
			byte[] apply(byte[] mail, SplittableRandom random) {
				List<String> lines = lines(mail);
				lines.removeIf(String::isEmpty);
				return join(lines);
			}
		},
		LINE_ENDINGS_MIXED {
			@Override
			byte[] apply(byte[] mail, SplittableRandom random) {
				String text = new String(mail, StandardCharsets.ISO_8859_1);
				String mixed = random.nextBoolean() ? text.replace("\r\n", "\n") : text.replace("\n", "\r\n").replace("\r\r\n", "\r\n");
				return random.nextBoolean() ? mixed.replace("\n", "\r").getBytes(StandardCharsets.ISO_8859_1)
						: mixed.getBytes(StandardCharsets.ISO_8859_1);
			}
		},
		ENCODING_RENAMED {
			@Override
			byte[] apply(byte[] mail, SplittableRandom random) {
				String[] odd = { "7-bit", "x-uue", "base-64", "quoted-printable ", "binary", "x-unknown", "" };
				String text = new String(mail, StandardCharsets.ISO_8859_1);
				return text.replaceAll("(?im)^(Content-Transfer-Encoding:)[^\\r\\n]*", "$1 " + odd[random.nextInt(odd.length)])
					.getBytes(StandardCharsets.ISO_8859_1);
			}
		};

		abstract byte[] apply(byte[] mail, SplittableRandom random);

	}

	private static List<String> lines(byte[] mail) {
		return new ArrayList<>(List.of(new String(mail, StandardCharsets.ISO_8859_1).split("\r?\n", -1)));
	}

	private static byte[] join(List<String> lines) {
		return String.join("\r\n", lines).getBytes(StandardCharsets.ISO_8859_1);
	}

	private static String fromLine(byte[] mail) {
		for (String line : lines(mail)) {
			if (line.isEmpty()) {
				return null;
			}
			if (line.regionMatches(true, 0, "From:", 0, 5)) {
				return line;
			}
		}
		return null;
	}

	/** The damage left the header block (up to the first blank line) exactly as it was. */
	private static boolean headerBlockIntact(byte[] original, byte[] damaged) {
		String before = new String(original, StandardCharsets.ISO_8859_1);
		String after = new String(damaged, StandardCharsets.ISO_8859_1);
		int end = before.indexOf("\r\n\r\n") >= 0 ? before.indexOf("\r\n\r\n") : before.indexOf("\n\n");
		return end > 0 && after.length() > end + 2 && after.startsWith(before.substring(0, end + 2));
	}

}
