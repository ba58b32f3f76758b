/**
 * The IMAP adapter of intake, called by {@code routes/mail-intake.camel.yaml}: reads a polled mail's
 * raw bytes and UID, has {@link be.persocontact.gateway.intake.MailIntake} record them, and tells the
 * route where the mail goes next. No MIME header is ever mapped into a Camel header. Which instance
 * polls a mailbox is decided by {@link be.persocontact.gateway.intake.mail.MailboxPollers} (leader
 * election in the database).
 */
package be.persocontact.gateway.intake.mail;
