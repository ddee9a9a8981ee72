-- The municipal web shop, slice 1: products as productised services (seed 003) with prices per
-- customer group and an explicit VAT rate.

CREATE TABLE products (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL REFERENCES municipalities (id),
  kind text NOT NULL CHECK (kind IN ('ticket', 'series_card', 'event_fee', 'permit', 'course_fee',
    'facility_use', 'other')),
  name_fi text NOT NULL,
  name_sv text NOT NULL,
  name_en text NOT NULL,
  -- The productisation fields: what exactly is sold, by whom, and what is promised.
  content_fi text NOT NULL DEFAULT '',
  content_sv text NOT NULL DEFAULT '',
  content_en text NOT NULL DEFAULT '',
  organiser text NOT NULL DEFAULT '',
  provider text NOT NULL DEFAULT '',
  quality_promise_fi text NOT NULL DEFAULT '',
  quality_promise_sv text NOT NULL DEFAULT '',
  quality_promise_en text NOT NULL DEFAULT '',
  -- VAT in basis points (2550 = 25.5 %); prices are VAT-inclusive, as consumers see them.
  vat_rate_bp integer NOT NULL CHECK (vat_rate_bp BETWEEN 0 AND 10000),
  invoice_allowed boolean NOT NULL DEFAULT false,
  max_per_order integer NOT NULL DEFAULT 10 CHECK (max_per_order BETWEEN 1 AND 1000),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (municipality_id, id)
);

CREATE TABLE product_prices (
  municipality_id uuid NOT NULL,
  product_id uuid NOT NULL,
  customer_group text NOT NULL CHECK (customer_group IN ('resident', 'non_resident', 'association',
    'company')),
  -- Integer cents, VAT included. 0 is a free-of-charge price.
  unit_price_cents integer NOT NULL CHECK (unit_price_cents BETWEEN 0 AND 100000000),
  PRIMARY KEY (product_id, customer_group),
  FOREIGN KEY (municipality_id, product_id) REFERENCES products (municipality_id, id) ON DELETE CASCADE
);

ALTER TABLE products ENABLE ROW LEVEL SECURITY;
ALTER TABLE product_prices ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON products
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
CREATE POLICY tenant_isolation ON product_prices
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
GRANT SELECT, INSERT, UPDATE ON products TO helppo_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON product_prices TO helppo_app;
