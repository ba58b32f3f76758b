/**
 * The operator API of intake: {@code /api/ops/inbound} lists inbound messages by outcome, reads one with
 * its raw bytes, replays a quarantined one; {@code /api/ops/failing-addresses} lists the addresses our mail
 * no longer goes to and clears one.
 */
package be.persocontact.gateway.intake.web;
