/**
 * Privacy: HR data is kept only as long as configured, and a person can learn and have erased what is
 * held about them. A scheduled, claimed purge ({@code routes/privacy-retention.camel.yaml}) removes each
 * kind of personal data of a closed ticket when its retention period has passed since the ticket closed
 * (raw mails, files, file texts, message texts, the access log), and mails that never became a ticket after
 * their own period, in short transactions, leaving a record per ticket and kind; the ticket's shell (number,
 * dates, queue, status history) stays. {@link be.persocontact.gateway.privacy.SubjectAccess} exports
 * everything held about an address or portal employee id as one archive and erases it, and
 * {@link be.persocontact.gateway.privacy.AccessReports} says who opened a ticket and what officers changed.
 * It reads and forgets other modules' data only through their {@code *PersonalData} APIs.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Privacy")
package be.persocontact.gateway.privacy;
