package be.persocontact.gateway.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads a catalogue file and checks everything a later submission relies on: every text in four
 * languages, codes unique, queues known, options present, references between fields resolvable, and no
 * unknown key (a misspelt {@code requird} would otherwise silently make a field optional).
 */
final class CatalogueReader {

	private static final Pattern CODE = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	private final String location;

	private CatalogueReader(String location) {
		this.location = location;
	}

	static Catalogue read(String location, InputStream in) {
		Object root;
		try {
			LoaderOptions options = new LoaderOptions();
			options.setAllowDuplicateKeys(false);
			root = new Yaml(new SafeConstructor(options)).load(in);
		}
		catch (YAMLException ex) {
			throw new CatalogueInvalid(location, "not valid YAML: " + ex.getMessage(), ex);
		}
		return new CatalogueReader(location).catalogue(root);
	}

	static Catalogue read(String location, String yaml) {
		return read(location, new java.io.ByteArrayInputStream(yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	private Catalogue catalogue(Object root) {
		Node top = new Node("", root, "catalogue");
		top.allowOnly("queues", "themes");
		Set<String> queues = new LinkedHashSet<>();
		for (Node queue : top.list("queues", true)) {
			queues.add(queue.code());
		}
		List<Theme> themes = new ArrayList<>();
		Set<String> themeCodes = new HashSet<>();
		Set<String> formCodes = new HashSet<>();
		for (Node node : top.list("themes", true)) {
			Theme theme = theme(node, queues, formCodes);
			if (!themeCodes.add(theme.code())) {
				throw node.invalid("theme code '" + theme.code() + "' is used twice");
			}
			themes.add(theme);
		}
		return new Catalogue(this.location, queues, themes);
	}

	private Theme theme(Node node, Set<String> queues, Set<String> formCodes) {
		String code = node.child("code").code();
		Node theme = node.named("theme '" + code + "'");
		theme.allowOnly("code", "title", "help", "forms");
		List<Form> forms = new ArrayList<>();
		for (Node formNode : theme.list("forms", true)) {
			Form form = form(formNode, code, queues);
			if (!formCodes.add(form.code())) {
				throw formNode.invalid("form code '" + form.code() + "' is used twice in the catalogue");
			}
			forms.add(form);
		}
		return new Theme(code, theme.localized("title", true), theme.localized("help", false), forms);
	}

	private Form form(Node node, String themeCode, Set<String> queues) {
		Node form = node.named("form '" + node.child("code").code() + "'");
		form.allowOnly("code", "title", "help", "keywords", "queue", "attachments", "documents", "fields");
		String queue = form.child("queue").code();
		if (!queues.contains(queue)) {
			throw form.invalid("queue '" + queue + "' is not one of the queues " + queues);
		}
		Attachments attachments = switch (form.optionalText("attachments", "optional")) {
			case "required" -> Attachments.REQUIRED;
			case "optional" -> Attachments.OPTIONAL;
			case "none" -> Attachments.NONE;
			default -> throw form.invalid("attachments must be required, optional or none");
		};
		List<Field> fields = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (Node fieldNode : form.list("fields", true)) {
			Field field = field(fieldNode);
			if (!names.add(field.name())) {
				throw fieldNode.invalid("field name '" + field.name() + "' is used twice in this form");
			}
			fields.add(field);
		}
		for (Field field : fields) {
			checkDateOrder(form, field, fields);
		}
		List<DocumentToAttach> documents = new ArrayList<>();
		for (Node documentNode : form.list("documents", false)) {
			documents.add(document(documentNode, fields));
		}
		return new Form(form.child("code").code(), themeCode, form.localized("title", true),
				form.localized("help", false), form.localized("keywords", false), queue, attachments, documents, fields);
	}

	private Field field(Node node) {
		Node field = node.named("field '" + node.child("name").code() + "'");
		field.allowOnly("name", "type", "required", "label", "help", "options", "min", "max", "not-before",
				"sensitive");
		String typeCode = field.child("type").text();
		FieldType type = FieldType.ofCode(typeCode)
			.orElseThrow(() -> field.invalid("type '" + typeCode + "' is not one of text, long-text, date, select, "
					+ "number, email, checkbox"));
		List<Option> options = new ArrayList<>();
		Set<String> values = new HashSet<>();
		for (Node optionNode : field.list("options", false)) {
			optionNode.allowOnly("value", "label");
			String value = optionNode.child("value").code();
			if (!values.add(value)) {
				throw optionNode.invalid("option '" + value + "' is listed twice");
			}
			options.add(new Option(value, optionNode.named("option '" + value + "'").localized("label", true)));
		}
		if (type == FieldType.SELECT && options.isEmpty()) {
			throw field.invalid("a select field needs options");
		}
		if (type != FieldType.SELECT && !options.isEmpty()) {
			throw field.invalid("only a select field has options");
		}
		BigDecimal min = field.number("min");
		BigDecimal max = field.number("max");
		if ((min != null || max != null) && !(type == FieldType.NUMBER || type == FieldType.TEXT
				|| type == FieldType.LONG_TEXT)) {
			throw field.invalid("min and max apply to number and text fields only");
		}
		if (min != null && max != null && min.compareTo(max) > 0) {
			throw field.invalid("min " + min + " is greater than max " + max);
		}
		String notBefore = field.has("not-before") ? field.child("not-before").code() : null;
		return new Field(field.child("name").code(), type, field.bool("required"), field.localized("label", true),
				field.localized("help", false), options, min, max, notBefore, field.bool("sensitive"));
	}

	private void checkDateOrder(Node form, Field field, List<Field> fields) {
		if (field.notBefore() == null) {
			return;
		}
		Node where = form.named("field '" + field.name() + "'");
		if (field.type() != FieldType.DATE) {
			throw where.invalid("not-before applies to date fields only");
		}
		Field earlier = fields.stream()
			.filter(other -> other.name().equals(field.notBefore()))
			.findFirst()
			.orElseThrow(() -> where.invalid("not-before names '" + field.notBefore() + "', no field of this form"));
		if (earlier.type() != FieldType.DATE || earlier == field) {
			throw where.invalid("not-before must name another date field");
		}
	}

	private DocumentToAttach document(Node node, List<Field> fields) {
		if (node.value instanceof Map<?, ?> map && map.containsKey("when")) {
			node.allowOnly("text", "when");
			Node when = node.child("when");
			when.allowOnly("field", "in");
			String fieldName = when.child("field").code();
			Node inField = node.named("document condition on field '" + fieldName + "'");
			Field field = fields.stream()
				.filter(candidate -> candidate.name().equals(fieldName))
				.findFirst()
				.orElseThrow(() -> inField.invalid("no such field in this form"));
			List<String> values = new ArrayList<>();
			for (Node value : when.list("in", true)) {
				String code = value.code();
				if (field.option(code).isEmpty()) {
					throw inField.invalid("'" + code + "' is not an option of that field");
				}
				values.add(code);
			}
			return new DocumentToAttach(node.localized("text", true), fieldName, values);
		}
		node.allowOnly("text");
		return new DocumentToAttach(node.localized("text", true), null, List.of());
	}

	/** A place in the file, carrying the readable path (theme, form, field) used in error messages. */
	private final class Node {

		private final String where;

		private final Object value;

		private final String key;

		Node(String where, Object value, String key) {
			this.where = where;
			this.value = value;
			this.key = key;
		}

		Node named(String name) {
			return new Node(this.where.isEmpty() ? name : this.where + ", " + name, this.value, this.key);
		}

		CatalogueInvalid invalid(String problem) {
			return new CatalogueInvalid(CatalogueReader.this.location, this.where, problem);
		}

		private Map<?, ?> map() {
			if (this.value instanceof Map<?, ?> map) {
				return map;
			}
			throw invalid("'" + this.key + "' must be a mapping of keys to values");
		}

		boolean has(String key) {
			return map().get(key) != null;
		}

		Node child(String key) {
			Object child = map().get(key);
			if (child == null) {
				throw invalid("'" + key + "' is missing");
			}
			return new Node(this.where, child, key);
		}

		void allowOnly(String... keys) {
			Set<String> allowed = Set.of(keys);
			for (Object key : map().keySet()) {
				if (!allowed.contains(String.valueOf(key))) {
					throw invalid("unknown key '" + key + "' (expected one of " + String.join(", ", keys) + ")");
				}
			}
		}

		List<Node> list(String key, boolean required) {
			Object child = map().get(key);
			if (child == null) {
				if (required) {
					throw invalid("'" + key + "' is missing");
				}
				return List.of();
			}
			if (!(child instanceof List<?> items) || (required && items.isEmpty())) {
				throw invalid("'" + key + "' must be a " + (required ? "non-empty " : "") + "list");
			}
			return items.stream().map(item -> new Node(this.where, item, key)).toList();
		}

		String text() {
			if (this.value instanceof String || this.value instanceof Number || this.value instanceof Boolean) {
				String text = String.valueOf(this.value).strip();
				if (!text.isEmpty()) {
					return text;
				}
			}
			throw invalid("'" + this.key + "' must be a non-empty text");
		}

		String code() {
			String code = text();
			if (!CODE.matcher(code).matches()) {
				throw invalid("'" + this.key + "' value '" + code + "' must be lower case letters, digits and dashes");
			}
			return code;
		}

		String optionalText(String key, String fallback) {
			return has(key) ? child(key).text() : fallback;
		}

		boolean bool(String key) {
			Object flag = map().get(key);
			if (flag == null) {
				return false;
			}
			if (flag instanceof Boolean bool) {
				return bool;
			}
			throw invalid("'" + key + "' must be true or false");
		}

		BigDecimal number(String key) {
			Object number = map().get(key);
			if (number == null) {
				return null;
			}
			if (number instanceof Number) {
				return new BigDecimal(number.toString());
			}
			throw invalid("'" + key + "' must be a number");
		}

		Localized localized(String key, boolean required) {
			if (!has(key)) {
				if (required) {
					throw invalid("'" + key + "' is missing");
				}
				return null;
			}
			Node texts = child(key);
			texts.allowOnly(Localized.LANGUAGES.toArray(String[]::new));
			Map<String, String> byLanguage = new LinkedHashMap<>();
			for (String language : Localized.LANGUAGES) {
				Object text = texts.map().get(language);
				if (!(text instanceof String string) || string.isBlank()) {
					throw invalid("'" + key + "' has no " + language + " text (every text needs nl, fr, de and en)");
				}
				byLanguage.put(language, string.strip());
			}
			return new Localized(byLanguage);
		}

	}

	static Catalogue readResource(String location, org.springframework.core.io.Resource resource) {
		if (!resource.exists()) {
			throw new CatalogueInvalid(location, "", "file not found (set gateway.catalogue.location)");
		}
		try (InputStream in = resource.getInputStream()) {
			return read(location, in);
		}
		catch (IOException ex) {
			throw new CatalogueInvalid(location, "cannot be read: " + ex.getMessage(), ex);
		}
	}

}
