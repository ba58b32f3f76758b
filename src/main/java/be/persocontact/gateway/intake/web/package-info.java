/**
 * The operator API of intake ({@code /api/ops/inbound}): list inbound messages by outcome, read one
 * with its raw bytes, replay a quarantined one.
 */
package be.persocontact.gateway.intake.web;
