/**
 * The HR request catalogue: themes, their forms, each form's fields, the documents to attach and the
 * queue its requests go to, with every text in Dutch, French, German and English. It is
 * configuration, not code: loaded from {@code gateway.catalogue.location} and checked at start-up, so
 * that a broken file stops the gateway with a message naming the file, form and field instead of
 * failing an employee later. {@link be.persocontact.gateway.catalogue.CatalogueManagement} is the API:
 * look-up, search and the validation of submitted values against a form.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalogue")
package be.persocontact.gateway.catalogue;
