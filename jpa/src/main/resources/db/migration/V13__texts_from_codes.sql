-- Issue 12: stored texts are rendered from codes in the reader's language at display time.
--
-- An order-history line keeps its kind (ISSUED, RENEWED, ...) and now its values (seats, dates, a
-- key's name), separated by the unit separator (0x1F); pages format them in the reader's language.
-- The English description stays for the API and for lines written before this column existed.
ALTER TABLE subscription_orders ADD COLUMN arguments VARCHAR(500) NULL;

-- "Activated by" holds an invited or SSO user's email, or the masked key itself (CONTRACT section 6);
-- the words around it ("key ...", "Schlüssel ...") are the page's.
UPDATE activations SET activated_by = SUBSTRING(activated_by, 5) WHERE activated_by LIKE 'key %';
