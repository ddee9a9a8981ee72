-- Invoices (issue 3, "Payments → Invoices"): an order can be paid by invoice, with a
-- per-municipality invoice number, the Finnish national reference and the RF creditor reference,
-- a due date and the municipality's bank account; staff mark invoices paid.

-- An invoiced order is binding (its things are the buyer's) but not yet paid.
ALTER TABLE orders DROP CONSTRAINT orders_status_check;
ALTER TABLE orders ADD CONSTRAINT orders_status_check
  CHECK (status IN ('cart', 'pending', 'invoiced', 'paid', 'cancelled'));

-- A paid invoice is recorded as a payment too, so "paid at most once" stays one guarantee
-- (payments_one_paid) whichever way the money came.
ALTER TABLE payments DROP CONSTRAINT payments_provider_check;
ALTER TABLE payments ADD CONSTRAINT payments_provider_check
  CHECK (provider IN ('demo', 'paytrail', 'invoice'));

-- The municipality as the payee of its invoices. Without a row the municipality does not
-- invoice. last_invoice_number is the counter that numbers the invoices: the row lock of
-- "update … set last_invoice_number = last_invoice_number + 1" serialises concurrent checkouts,
-- so no number is given twice. Numbers start above 1000 so that every national reference has
-- the 4–20 digits the standard asks for.
CREATE TABLE invoice_settings (
  municipality_id uuid PRIMARY KEY REFERENCES municipalities (id),
  payee_name text NOT NULL CHECK (length(payee_name) BETWEEN 1 AND 200),
  iban text NOT NULL CHECK (iban ~ '^FI[0-9]{16}$'),
  bic text NOT NULL CHECK (bic ~ '^[A-Z0-9]{8}([A-Z0-9]{3})?$'),
  business_id text NOT NULL CHECK (business_id ~ '^[0-9]{7}-[0-9]$'),
  payment_term_days integer NOT NULL DEFAULT 14 CHECK (payment_term_days BETWEEN 0 AND 365),
  last_invoice_number bigint NOT NULL DEFAULT 1000 CHECK (last_invoice_number >= 1000),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE invoices (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  order_id uuid NOT NULL,
  number bigint NOT NULL,
  reference text NOT NULL,
  rf_reference text NOT NULL,
  amount_cents integer NOT NULL CHECK (amount_cents >= 0),
  issue_date date NOT NULL,
  due_date date NOT NULL CHECK (due_date >= issue_date),
  -- The payee as printed on the invoice when it was issued: a later change of account in
  -- the settings does not change an invoice already sent.
  payee_name text NOT NULL,
  iban text NOT NULL,
  bic text NOT NULL,
  business_id text NOT NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid')),
  paid_on date,
  marked_paid_by uuid REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'paid') = (paid_on IS NOT NULL)),
  FOREIGN KEY (municipality_id, order_id) REFERENCES orders (municipality_id, id),
  UNIQUE (order_id),
  UNIQUE (municipality_id, number)
);
CREATE INDEX invoices_open ON invoices (municipality_id, due_date) WHERE status = 'open';

ALTER TABLE invoice_settings ENABLE ROW LEVEL SECURITY;
ALTER TABLE invoices ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON invoice_settings
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON invoices
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
GRANT SELECT, INSERT, UPDATE ON invoice_settings TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON invoices TO helppo_app;
