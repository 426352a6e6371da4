-- Issue 13 (CSV export of 1,000,000 computers): the export reads an account's computers in id order,
-- a thousand at a time after the last id sent. Without this index MariaDB read the account's rows by
-- another index and sorted all that remained for every batch (about 2 s a batch at a million rows);
-- with it each batch is one range read in order.
CREATE INDEX ix_activations_account_id ON activations (account_id, id);
