/**
 * Attachments: every file a requester sends, by mail or portal, is judged by its true type (detected
 * from the bytes, never from its name), checked against an allow-list and hard limits, read for text
 * by a parser that cannot hang or exhaust the gateway, stored once by SHA-256 beside its ticket, and
 * answered with a receipt per file. {@link be.persocontact.gateway.attachment.AttachmentManagement}
 * is the API; Tika never leaves {@code attachment.internal}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Attachments")
package be.persocontact.gateway.attachment;
