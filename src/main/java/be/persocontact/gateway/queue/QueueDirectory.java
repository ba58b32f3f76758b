package be.persocontact.gateway.queue;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import be.persocontact.gateway.catalogue.CatalogueManagement;
import be.persocontact.gateway.catalogue.Form;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;

/**
 * The queues and their officers, read from {@code gateway.queues.location} and checked at start-up: a
 * mistake stops the gateway with a message naming the file, the queue and the field, instead of a
 * ticket later landing nowhere. Every queue the catalogue's forms name must exist here.
 */
@Component
public class QueueDirectory {

	static final Set<String> LANGUAGES = Set.of("nl", "fr", "de", "en");

	private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private static final Pattern ADDRESS = Pattern.compile("[^@\\s<>\",;]+@[^@\\s<>\",;]+\\.[^@\\s<>\",;]+");

	private final String location;

	private final Map<String, Queue> queues;

	private final String defaultQueue;

	QueueDirectory(QueueSettings settings, ResourceLoader resources, CatalogueManagement catalogue,
			@Value("${gateway.mail.address}") String helpdeskAddress) {
		this.location = settings.location();
		Map<String, Object> root = load(resources.getResource(this.location));
		this.queues = readQueues(root, helpdeskAddress);
		this.defaultQueue = text(root, "default-queue", "the file");
		if (!this.queues.containsKey(this.defaultQueue)) {
			throw invalid("default-queue '" + this.defaultQueue + "' is not one of the queues " + this.queues.keySet());
		}
		for (Form form : catalogue.forms()) {
			if (!this.queues.containsKey(form.queue())) {
				throw invalid("the catalogue's form '" + form.code() + "' sends its requests to queue '" + form.queue()
						+ "', which is not configured here");
			}
		}
	}

	public Collection<Queue> queues() {
		return this.queues.values();
	}

	public Set<String> codes() {
		return this.queues.keySet();
	}

	public Optional<Queue> find(String code) {
		return Optional.ofNullable(code == null ? null : this.queues.get(code));
	}

	public Queue get(String code) {
		return find(code).orElseThrow(() -> new IllegalArgumentException("No queue " + code));
	}

	public Queue defaultQueue() {
		return this.queues.get(this.defaultQueue);
	}

	/** The officer with that address in any queue, for the language of a mail to them. */
	public Optional<Officer> officer(String address) {
		return this.queues.values().stream().map(queue -> queue.officer(address)).filter(o -> o != null).findFirst();
	}

	private Map<String, Object> load(Resource resource) {
		if (!resource.exists()) {
			throw invalid("the file does not exist");
		}
		try (InputStream in = resource.getInputStream()) {
			Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(in);
			if (!(document instanceof Map<?, ?> map)) {
				throw invalid("expected a mapping with 'default-queue' and 'queues'");
			}
			return cast(map);
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read the queues file " + this.location + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			if (ex instanceof InvalidQueues) {
				throw ex;
			}
			throw invalid("not valid YAML: " + ex.getMessage());
		}
	}

	private Map<String, Queue> readQueues(Map<String, Object> root, String helpdeskAddress) {
		allowOnly(root, "the file", "default-queue", "queues");
		if (!(root.get("queues") instanceof List<?> list) || list.isEmpty()) {
			throw invalid("'queues' must be a non-empty list");
		}
		Map<String, Queue> queues = new LinkedHashMap<>();
		for (Object item : list) {
			if (!(item instanceof Map<?, ?> raw)) {
				throw invalid("every entry of 'queues' must be a mapping");
			}
			Map<String, Object> node = cast(raw);
			String code = text(node, "code", "a queue");
			String where = "queue '" + code + "'";
			if (!CODE.matcher(code).matches()) {
				throw invalid(where + ": the code may hold only a-z, 0-9 and '-'");
			}
			allowOnly(node, where, "code", "name", "language", "addresses", "officers", "attach-files");
			Map<String, String> names = new LinkedHashMap<>();
			if (!(node.get("name") instanceof Map<?, ?> nameMap)) {
				throw invalid(where + ": 'name' needs nl, fr, de and en");
			}
			for (String language : List.of("nl", "fr", "de", "en")) {
				Object name = nameMap.get(language);
				if (name == null || name.toString().isBlank()) {
					throw invalid(where + ": 'name' has no '" + language + "'");
				}
				names.put(language, name.toString().strip());
			}
			String language = node.containsKey("language") ? text(node, "language", where) : "nl";
			if (!LANGUAGES.contains(language)) {
				throw invalid(where + ": language '" + language + "' is not one of " + LANGUAGES);
			}
			List<String> addresses = new ArrayList<>();
			for (Object address : list(node, "addresses", where)) {
				addresses.add(address(address, where + ", addresses", helpdeskAddress));
			}
			if (addresses.isEmpty()) {
				throw invalid(where + ": 'addresses' needs at least one address to announce new tickets to");
			}
			List<Officer> officers = new ArrayList<>();
			Set<String> seen = new LinkedHashSet<>();
			for (Object entry : list(node, "officers", where)) {
				if (!(entry instanceof Map<?, ?> rawOfficer)) {
					throw invalid(where + ": every officer must be a mapping with address, name, languages");
				}
				Map<String, Object> officer = cast(rawOfficer);
				allowOnly(officer, where + ", officer", "address", "name", "languages");
				String address = address(officer.get("address"), where + ", officer", helpdeskAddress);
				String whereOfficer = where + ", officer " + address;
				if (!seen.add(address.toLowerCase())) {
					throw invalid(whereOfficer + ": listed twice");
				}
				List<String> languages = new ArrayList<>();
				for (Object spoken : list(officer, "languages", whereOfficer)) {
					if (!LANGUAGES.contains(String.valueOf(spoken))) {
						throw invalid(whereOfficer + ": language '" + spoken + "' is not one of " + LANGUAGES);
					}
					languages.add(String.valueOf(spoken));
				}
				if (languages.isEmpty()) {
					throw invalid(whereOfficer + ": 'languages' needs at least one of " + LANGUAGES);
				}
				officers.add(new Officer(address, text(officer, "name", whereOfficer), languages));
			}
			if (officers.isEmpty()) {
				throw invalid(where + ": a queue needs at least one officer, or nobody can answer its tickets");
			}
			Object attach = node.getOrDefault("attach-files", Boolean.FALSE);
			if (!(attach instanceof Boolean attachFiles)) {
				throw invalid(where + ": 'attach-files' must be true or false");
			}
			if (queues.put(code, new Queue(code, names, language, addresses, officers, attachFiles)) != null) {
				throw invalid(where + ": defined twice");
			}
		}
		return queues;
	}

	private String address(Object value, String where, String helpdeskAddress) {
		String address = value == null ? "" : value.toString().strip();
		if (!ADDRESS.matcher(address).matches()) {
			throw invalid(where + ": '" + address + "' is not a mail address");
		}
		String local = helpdeskAddress.substring(0, helpdeskAddress.indexOf('@')).toLowerCase();
		String domain = helpdeskAddress.substring(helpdeskAddress.indexOf('@')).toLowerCase();
		String lower = address.toLowerCase();
		if (lower.equals(helpdeskAddress.toLowerCase())
				|| (lower.startsWith(local + "+") && lower.endsWith(domain))) {
			throw invalid(where + ": '" + address + "' is the helpdesk's own address; mail to it would loop");
		}
		return address;
	}

	private List<?> list(Map<String, Object> node, String key, String where) {
		Object value = node.get(key);
		if (!(value instanceof List<?> list)) {
			throw invalid(where + ": '" + key + "' must be a list");
		}
		return list;
	}

	private String text(Map<String, Object> node, String key, String where) {
		Object value = node.get(key);
		if (value == null || value.toString().isBlank()) {
			throw invalid(where + ": '" + key + "' is missing");
		}
		return value.toString().strip();
	}

	private void allowOnly(Map<String, Object> node, String where, String... keys) {
		Set<String> allowed = Set.of(keys);
		for (String key : node.keySet()) {
			if (!allowed.contains(key)) {
				throw invalid(where + ": unknown key '" + key + "' (allowed: " + String.join(", ", keys) + ")");
			}
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Map<?, ?> map) {
		return (Map<String, Object>) map;
	}

	private InvalidQueues invalid(String problem) {
		return new InvalidQueues("Queues file " + this.location + ": " + problem);
	}

	/** The queues file is wrong; the message names the file, the queue and the field. */
	static class InvalidQueues extends IllegalStateException {

		InvalidQueues(String message) {
			super(message);
		}

	}

}
