package be.persocontact.gateway.catalogue;

import java.util.Arrays;
import java.util.Optional;

/** The kinds of field a form can have, with the name the catalogue file uses for each. */
public enum FieldType {

	TEXT("text"), LONG_TEXT("long-text"), DATE("date"), SELECT("select"), NUMBER("number"), EMAIL("email"),
	CHECKBOX("checkbox");

	private final String code;

	FieldType(String code) {
		this.code = code;
	}

	public String code() {
		return this.code;
	}

	static Optional<FieldType> ofCode(String code) {
		return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
	}

}
