/**
 * Intake: every inbound message is stored raw first, then passes one ordered chain of small checks,
 * and ends with a recorded outcome (ticket created, appended, duplicate, ignored, quarantined…) that an
 * operator can read. The channel adapters ({@code intake.mail}) only hand raw bytes and mailbox
 * coordinates to {@link be.persocontact.gateway.intake.MailIntake}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake")
package be.persocontact.gateway.intake;
