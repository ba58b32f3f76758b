-- Rejection notices are limited by the notification module, from the outbox itself: one table less.
DROP TABLE rejection_notice;
