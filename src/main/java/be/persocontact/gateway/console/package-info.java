/**
 * The operator console ({@code /ops/console}): server-rendered pages over the operator services of the other
 * modules (inbound mails and their replay, failing addresses, link revocation, subject access, the access
 * report, retention). An operator logs in with the operator token and gets a short session (HttpOnly,
 * SameSite=Strict cookie, CSRF-protected forms, logged out after inactivity). The console holds no logic
 * of its own: every action is a call to the module that owns it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Operator console")
package be.persocontact.gateway.console;
