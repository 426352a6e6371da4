-- Performance (issue 5): the Registered Computers list of one account reads its first page in
-- index order instead of sorting every computer of the account.
--
-- Before, the list reached the account through subscriptions (activations -> subscriptions.account_id),
-- so no index could deliver an account's computers in last-contact order: with 1,000,000 computers
-- MariaDB built a temporary table and sorted 900,000 rows to return 50 (bench/README.md). Each
-- activation now carries its account (copied from its subscription when it is created, and when its
-- subscription is registered into an account: RegistrationService), and two indexes serve the list's
-- default order, newest contact first, with and without the status filter. An account's computers
-- are also counted from these indexes alone.
--
-- Both indexes name last_contact_at, so the coalesced check-in batches (CheckInWriter) maintain
-- them too; the key index of V2 already did, so a check-in write now updates three index entries
-- instead of one.
ALTER TABLE activations
    ADD COLUMN account_id CHAR(36) NULL AFTER subscription_id;

UPDATE activations a JOIN subscriptions s ON s.id = a.subscription_id
   SET a.account_id = s.account_id;

CREATE INDEX ix_activations_account_contact ON activations (account_id, last_contact_at, id);
CREATE INDEX ix_activations_account_status_contact ON activations (account_id, status, last_contact_at, id);
