package be.persocontact.gateway.catalogue;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Catalogue settings ({@code gateway.catalogue.*}).
 *
 * @param location where the catalogue file is: {@code classpath:…} for the shipped one, {@code file:…}
 * for one an administrator maintains outside the jar
 */
@Validated
@ConfigurationProperties("gateway.catalogue")
public record CatalogueSettings(@DefaultValue("classpath:catalogue/catalogue.yaml") @NotBlank String location) {

}
