/**
 * Reading inbound mail as it really arrives: one tolerant reader for the intake and the attachment
 * module alike. {@link be.persocontact.gateway.mime.MailReading} tries Angus Mail with every leniency
 * it offers, then Apache James mime4j, then takes the raw body as text, and answers with a
 * {@link be.persocontact.gateway.mime.MailStructure} that says which step read it and what was repaired
 * or lost on the way. Nothing here throws on bad input: a mail is always read as far as it can be.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mail reading")
package be.persocontact.gateway.mime;
