package be.persocontact.gateway.attachment;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Attachment settings ({@code gateway.attachment.*}), checked at start-up so that a typo cannot
 * silently switch a limit off.
 *
 * @param allowedTypes detected MIME types that are accepted (base types, no parameters)
 * @param maxFileSize largest single file
 * @param maxMessageSize largest total of one message's files
 * @param maxFiles most files in one message, unpacked ones included
 * @param maxTextChars most characters of text kept per file (the rest is cut, the file still accepted)
 * @param maxNestingDepth deepest nesting of containers (TNEF in a mail, zip in a zip…)
 * @param maxExpansionRatio an archive expanding more than this many times its size is a bomb
 * @param maxExpandedSize an archive expanding beyond this is a bomb, whatever its ratio
 * @param parseTimeout hard time limit for reading one file
 * @param parseWorkers how many files are read at the same time, gateway-wide
 */
@Validated
@ConfigurationProperties("gateway.attachment")
public record AttachmentSettings(@NotEmpty List<String> allowedTypes,
		@DefaultValue("20MB") @NotNull DataSize maxFileSize, @DefaultValue("30MB") @NotNull DataSize maxMessageSize,
		@DefaultValue("30") @Positive @Max(1000) int maxFiles,
		@DefaultValue("100000") @Min(1000) @Max(10_000_000) int maxTextChars,
		@DefaultValue("3") @Min(1) @Max(10) int maxNestingDepth,
		@DefaultValue("100") @Min(2) int maxExpansionRatio, @DefaultValue("200MB") @NotNull DataSize maxExpandedSize,
		@DefaultValue("30s") @NotNull Duration parseTimeout, @DefaultValue("2") @Positive @Max(64) int parseWorkers) {

	/** The defaults of issue 4: what employees actually send, and nothing that executes or hides content. */
	public static final List<String> DEFAULT_ALLOWED_TYPES = List.of("application/pdf", "image/jpeg", "image/png",
			"image/tiff", "image/heic", "image/heif", "image/gif",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/msword",
			"application/vnd.oasis.opendocument.text", "application/rtf", "text/plain",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
			"application/vnd.oasis.opendocument.spreadsheet", "message/rfc822", "application/vnd.ms-outlook",
			"application/vnd.ms-tnef");

	public AttachmentSettings {
		allowedTypes = allowedTypes == null || allowedTypes.isEmpty() ? DEFAULT_ALLOWED_TYPES
				: allowedTypes.stream().map(String::strip).filter(type -> !type.isEmpty()).toList();
	}

	/** The defaults, for tests and tools that run without Spring. */
	public static AttachmentSettings defaults() {
		return new AttachmentSettings(null, DataSize.ofMegabytes(20), DataSize.ofMegabytes(30), 30, 100_000, 3, 100,
				DataSize.ofMegabytes(200), Duration.ofSeconds(30), 2);
	}

	public Set<String> allowedTypeSet() {
		return this.allowedTypes.stream().map(String::toLowerCase).collect(Collectors.toUnmodifiableSet());
	}

	@AssertTrue(message = "max-message-size must be at least max-file-size")
	public boolean isMessageLimitAtLeastFileLimit() {
		return this.maxFileSize == null || this.maxMessageSize == null
				|| this.maxMessageSize.toBytes() >= this.maxFileSize.toBytes();
	}

	@AssertTrue(message = "parse-timeout must be between 100ms and 10 minutes")
	public boolean isParseTimeoutSane() {
		return this.parseTimeout == null
				|| (this.parseTimeout.toMillis() >= 100 && this.parseTimeout.compareTo(Duration.ofMinutes(10)) <= 0);
	}

	@AssertTrue(message = "every allowed type must look like type/subtype")
	public boolean isEveryAllowedTypeWellFormed() {
		return this.allowedTypes == null
				|| this.allowedTypes.stream().allMatch(type -> type.matches("[a-zA-Z0-9.+-]+/[a-zA-Z0-9.+-]+"));
	}

}
