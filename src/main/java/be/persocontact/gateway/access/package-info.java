/**
 * Signed links: the only way into the read-only ticket view. A token is an HMAC-SHA256 over purpose,
 * ticket, recipient, expiry and key id, verified without a database round trip and compared in
 * constant time. Keys rotate (several verify, one signs); the secret is configured or generated once.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access")
package be.persocontact.gateway.access;
