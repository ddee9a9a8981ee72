-- The municipal web shop, slice 2: carts and orders with lines that freeze the price, and
-- payments through a provider. An order is paid at most once, whatever the callbacks do.

CREATE TABLE orders (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  person_id uuid NOT NULL REFERENCES people (id),
  -- cart: being filled; pending: sent to payment; paid; cancelled (payment abandoned).
  status text NOT NULL DEFAULT 'cart' CHECK (status IN ('cart', 'pending', 'paid', 'cancelled')),
  customer_group text NOT NULL CHECK (customer_group IN ('resident', 'non_resident', 'association',
    'company')),
  total_cents integer NOT NULL DEFAULT 0 CHECK (total_cents >= 0),
  vat_cents integer NOT NULL DEFAULT 0 CHECK (vat_cents >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  paid_at timestamptz,
  UNIQUE (municipality_id, id)
);
-- One open cart per person and municipality.
CREATE UNIQUE INDEX orders_one_cart ON orders (municipality_id, person_id) WHERE status = 'cart';

CREATE TABLE order_lines (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  order_id uuid NOT NULL,
  product_id uuid NOT NULL,
  -- Frozen at checkout: a later price change does not change a placed order.
  name text NOT NULL,
  quantity integer NOT NULL CHECK (quantity >= 1),
  unit_price_cents integer NOT NULL CHECK (unit_price_cents >= 0),
  vat_rate_bp integer NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
  total_cents integer NOT NULL CHECK (total_cents = unit_price_cents * quantity),
  vat_cents integer NOT NULL CHECK (vat_cents BETWEEN 0 AND total_cents),
  FOREIGN KEY (municipality_id, order_id) REFERENCES orders (municipality_id, id) ON DELETE CASCADE,
  FOREIGN KEY (municipality_id, product_id) REFERENCES products (municipality_id, id),
  UNIQUE (order_id, product_id)
);

CREATE TABLE payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  order_id uuid NOT NULL,
  provider text NOT NULL CHECK (provider IN ('demo', 'paytrail')),
  amount_cents integer NOT NULL CHECK (amount_cents >= 0),
  status text NOT NULL DEFAULT 'created' CHECK (status IN ('created', 'paid', 'cancelled', 'failed')),
  provider_reference text,
  created_at timestamptz NOT NULL DEFAULT now(),
  settled_at timestamptz,
  FOREIGN KEY (municipality_id, order_id) REFERENCES orders (municipality_id, id)
);
-- The guarantee: at most one paid payment per order.
CREATE UNIQUE INDEX payments_one_paid ON payments (order_id) WHERE status = 'paid';

ALTER TABLE orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE order_lines ENABLE ROW LEVEL SECURITY;
ALTER TABLE payments ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON orders
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON order_lines
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON payments
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
GRANT SELECT, INSERT, UPDATE ON orders TO helppo_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON order_lines TO helppo_app;
GRANT SELECT, INSERT, UPDATE ON payments TO helppo_app;
