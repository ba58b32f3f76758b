/**
 * The IMAP adapter of intake, called by {@code routes/mail-intake.camel.yaml}: reads a polled mail's
 * raw bytes and UID, hands them to {@link be.persocontact.gateway.intake.MailIntake}, and tells the
 * route where the mail goes next. No MIME header is ever mapped into a Camel header.
 */
package be.persocontact.gateway.intake.mail;
