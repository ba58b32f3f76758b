/**
 * The operator API of the privacy module ({@code /api/ops/privacy}, behind the operator token): export and
 * erase what is held about a person, the log of those requests, a ticket's access report, and the retention
 * in force with the purge's records.
 */
package be.persocontact.gateway.privacy.web;
