/**
 * Runtime plumbing that belongs to no business concern: the embedded MariaDB and mail server that
 * make {@code ./mvnw spring-boot:run} work with no configuration, the mail server settings shared by
 * the mail routes, and the start-up banner that tells a newcomer where to send mail and where to look.
 */
@org.springframework.modulith.ApplicationModule(displayName = "System")
package be.persocontact.gateway.system;
