package be.persocontact.gateway.portal;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import be.persocontact.gateway.attachment.TestDocuments;
import tools.jackson.databind.json.JsonMapper;

/** Calls the portal API over real HTTP, as the upstream portal does: multipart, bearer token. */
final class PortalApiClient {

	static final String API_KEY = "test-portal-key-0123456789-0123456789-abcdef";

	record Part(String name, String fileName, String contentType, byte[] content) {

		/** A real file of the kind its name says (the gateway reads the bytes), the same bytes for the same name. */
		static Part file(String fileName, String contentType) {
			return new Part("files", fileName, contentType, contentFor(fileName));
		}

		static Part file(String fileName, String contentType, byte[] content) {
			return new Part("files", fileName, contentType, content);
		}

	}

	private static final java.util.Map<String, byte[]> CONTENTS = new java.util.concurrent.ConcurrentHashMap<>();

	static byte[] contentFor(String fileName) {
		return CONTENTS.computeIfAbsent(fileName, name -> {
			String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
			return switch (extension) {
				case "pdf" -> TestDocuments.pdf("Attest " + name);
				case "jpg", "jpeg" -> TestDocuments.jpegWithExif();
				case "png" -> TestDocuments.png();
				case "exe" -> TestDocuments.exe();
				default -> ("test " + name).getBytes(StandardCharsets.UTF_8);
			};
		});
	}

	record Reply(int status, String contentType, String contentLanguage, String body, HttpResponse<String> raw) {

		@SuppressWarnings("unchecked")
		java.util.Map<String, Object> json() {
			return JSON.readValue(this.body, java.util.Map.class);
		}

		@SuppressWarnings("unchecked")
		List<java.util.Map<String, Object>> jsonList() {
			return JSON.readValue(this.body, List.class);
		}

	}

	static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	private final int port;

	PortalApiClient(int port) {
		this.port = port;
	}

	Reply submit(Object submission, List<Part> files) throws Exception {
		return submit(JSON.writeValueAsString(submission), files, "Bearer " + API_KEY);
	}

	Reply submit(String json, List<Part> files, String authorization) throws Exception {
		String boundary = "----portal" + UUID.randomUUID();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		write(body, boundary, new Part("submission", null, "application/json", json.getBytes(StandardCharsets.UTF_8)));
		for (Part file : files) {
			write(body, boundary, file);
		}
		body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
		HttpRequest.Builder request = HttpRequest.newBuilder(uri("/api/portal/submissions"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return reply(this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
	}

	Reply get(String path) throws Exception {
		return get(path, "Bearer " + API_KEY);
	}

	Reply get(String path, String authorization) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
		if (authorization != null) {
			request.header("Authorization", authorization);
		}
		return reply(this.http.send(request.build(), HttpResponse.BodyHandlers.ofString()));
	}

	URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private static Reply reply(HttpResponse<String> response) {
		return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
				response.headers().firstValue("Content-Language").orElse(""), response.body(), response);
	}

	private static void write(ByteArrayOutputStream body, String boundary, Part part) throws Exception {
		StringBuilder head = new StringBuilder("--").append(boundary).append("\r\n")
			.append("Content-Disposition: form-data; name=\"").append(part.name()).append('"');
		if (part.fileName() != null) {
			head.append("; filename=\"").append(part.fileName()).append('"');
		}
		head.append("\r\n");
		if (part.contentType() != null) {
			head.append("Content-Type: ").append(part.contentType()).append("\r\n");
		}
		head.append("\r\n");
		body.write(head.toString().getBytes(StandardCharsets.UTF_8));
		body.write(part.content());
		body.write("\r\n".getBytes(StandardCharsets.UTF_8));
	}

}
