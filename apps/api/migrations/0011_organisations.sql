-- Associations and companies as buyers (issue 3): an organisation of a municipality, the people
-- who may act for it, carts and orders bought by it, bookings made for it, invoices to its
-- billing address, and credits on an invoice that is not paid yet.

CREATE TABLE organisations (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  -- The customer group its prices come from.
  kind text NOT NULL CHECK (kind IN ('association', 'company')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  -- Y-tunnus, checksum verified by the service. A company always has one.
  business_id text CHECK (business_id ~ '^[0-9]{7}-[0-9]$'),
  -- A registered association without a business ID is identified by its number in the
  -- associations register (yhdistysrekisteri), written 123.456.
  register_number text CHECK (register_number ~ '^[0-9]{1,3}(\.[0-9]{3})*$'),
  street text NOT NULL CHECK (length(street) BETWEEN 1 AND 200),
  postcode text NOT NULL CHECK (postcode ~ '^[0-9]{5}$'),
  city text NOT NULL CHECK (length(city) BETWEEN 1 AND 100),
  -- E-invoice address (OVT code or IBAN) and the operator that carries it; both or neither.
  e_invoice_address text CHECK (e_invoice_address ~ '^[0-9A-Z]{12,35}$'),
  e_invoice_operator text CHECK (e_invoice_operator ~ '^[0-9A-Z]{4,35}$'),
  contact_email text NOT NULL CHECK (length(contact_email) BETWEEN 3 AND 254),
  -- Staff deactivate an organisation that should not buy any more; its orders stay.
  active boolean NOT NULL DEFAULT true,
  created_by uuid REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (kind = 'association' OR business_id IS NOT NULL),
  CHECK (business_id IS NOT NULL OR register_number IS NOT NULL),
  CHECK ((e_invoice_address IS NULL) = (e_invoice_operator IS NULL)),
  UNIQUE (municipality_id, id)
);
-- One active organisation per business ID in a municipality: a second registration of the
-- same club is a member to be added, not a new buyer.
CREATE UNIQUE INDEX organisations_business_id ON organisations (municipality_id, business_id)
  WHERE active AND business_id IS NOT NULL;

CREATE TABLE organisation_members (
  municipality_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  person_id uuid NOT NULL REFERENCES people (id),
  added_by uuid REFERENCES people (id),
  added_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (organisation_id, person_id),
  FOREIGN KEY (municipality_id, organisation_id) REFERENCES organisations (municipality_id, id)
);
CREATE INDEX organisation_members_person ON organisation_members (person_id);

-- The buyer of an order: the person alone, or the person acting for an organisation. One cart
-- per buyer: a person's own cart and the cart they fill for their club never mix.
ALTER TABLE orders
  ADD COLUMN organisation_id uuid,
  ADD FOREIGN KEY (municipality_id, organisation_id) REFERENCES organisations (municipality_id, id);
DROP INDEX orders_one_cart;
CREATE UNIQUE INDEX orders_one_cart ON orders (municipality_id, person_id)
  WHERE status = 'cart' AND organisation_id IS NULL;
CREATE UNIQUE INDEX orders_one_organisation_cart ON orders (municipality_id, person_id, organisation_id)
  WHERE status = 'cart' AND organisation_id IS NOT NULL;
CREATE INDEX orders_organisation ON orders (organisation_id) WHERE organisation_id IS NOT NULL;

-- A booking made for an organisation is priced for it and goes into its cart.
ALTER TABLE reservations
  ADD COLUMN organisation_id uuid,
  ADD FOREIGN KEY (municipality_id, organisation_id) REFERENCES organisations (municipality_id, id);

-- The buyer as printed on the invoice when it was issued (name, business ID, billing address,
-- e-invoice address): a later change of address does not change an invoice already sent.
-- NULL: a person's invoice, printed with their name and email.
ALTER TABLE invoices ADD COLUMN buyer jsonb;
-- credited: every line was credited before the invoice was paid; nothing is left to pay.
ALTER TABLE invoices DROP CONSTRAINT invoices_status_check;
ALTER TABLE invoices ADD CONSTRAINT invoices_status_check
  CHECK (status IN ('open', 'paid', 'credited'));

-- A credit: a cancelled booking or seat of an invoiced order that is not paid yet. Nothing is
-- paid back; the amount still due on the invoice falls by it (invoice amount minus credits).
-- Kept in the refunds table so that "a booking is given back at most once" stays one unique
-- index, whichever way the money went.
ALTER TABLE refunds
  ADD COLUMN kind text NOT NULL DEFAULT 'refund' CHECK (kind IN ('refund', 'credit'));

ALTER TABLE organisations ENABLE ROW LEVEL SECURITY;
ALTER TABLE organisation_members ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON organisations
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON organisation_members
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
GRANT SELECT, INSERT, UPDATE ON organisations TO helppo_app;
GRANT SELECT, INSERT, DELETE ON organisation_members TO helppo_app;
