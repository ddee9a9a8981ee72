-- Bookings that cost money go through the cart: a facility's price is an hourly facility-use
-- product; a paid booking is held (the time is taken) until its order is paid or the hold
-- runs out; cancelling a paid booking refunds what the facility's cancellation rule gives.

ALTER TABLE resources
  -- The facility-use product whose price (per customer group, VAT included) is for one hour.
  -- NULL: the facility is free of charge.
  ADD COLUMN price_product_id uuid,
  -- A booker may cancel with a full refund until this many hours before the start; later the
  -- booking can still be cancelled (freeing the time) but nothing is refunded. Staff
  -- cancellations always refund in full.
  ADD COLUMN cancel_free_hours integer NOT NULL DEFAULT 24 CHECK (cancel_free_hours BETWEEN 0 AND 8760),
  ADD FOREIGN KEY (municipality_id, price_product_id) REFERENCES products (municipality_id, id);

-- 'held': the time is taken while the booking waits for payment (until held_until).
ALTER TABLE reservations DROP CONSTRAINT reservations_status_check;
ALTER TABLE reservations ADD CONSTRAINT reservations_status_check
  CHECK (status IN ('held', 'requested', 'confirmed', 'denied', 'cancelled'));
ALTER TABLE reservations DROP CONSTRAINT reservations_no_overlap;
ALTER TABLE reservations ADD CONSTRAINT reservations_no_overlap
  EXCLUDE USING gist (resource_id WITH =, blocks WITH &&)
  WHERE (status IN ('held', 'requested', 'confirmed'));
ALTER TABLE reservations
  ADD COLUMN held_until timestamptz,
  -- The price of the booking, frozen when it was made (integer cents, VAT included).
  ADD COLUMN price_cents integer NOT NULL DEFAULT 0 CHECK (price_cents >= 0),
  ADD COLUMN vat_rate_bp integer NOT NULL DEFAULT 0 CHECK (vat_rate_bp BETWEEN 0 AND 10000),
  ADD CONSTRAINT reservations_held_until CHECK ((status = 'held') = (held_until IS NOT NULL)),
  ADD UNIQUE (municipality_id, id);
CREATE INDEX reservations_held ON reservations (held_until) WHERE status = 'held';

-- An order line is a product, or a booking.
ALTER TABLE order_lines ALTER COLUMN product_id DROP NOT NULL;
ALTER TABLE order_lines
  ADD COLUMN reservation_id uuid,
  ADD FOREIGN KEY (municipality_id, reservation_id) REFERENCES reservations (municipality_id, id),
  ADD CONSTRAINT order_lines_one_item CHECK (num_nonnulls(product_id, reservation_id) = 1),
  -- A booking is in one order line at a time, whatever the orders.
  ADD CONSTRAINT order_lines_reservation_once UNIQUE (reservation_id);

-- Money given back. The sum of an order's refunds never exceeds what was paid (the service
-- checks it under the order's row lock), and a booking is refunded at most once.
CREATE TABLE refunds (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  municipality_id uuid NOT NULL,
  order_id uuid NOT NULL,
  reservation_id uuid,
  amount_cents integer NOT NULL CHECK (amount_cents > 0),
  reason text NOT NULL DEFAULT '',
  -- pending: to be sent to the provider (or paid back by the finance office by hand);
  -- done: the money is on its way back; failed: the provider refused, staff act.
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'done', 'failed')),
  provider text NOT NULL,
  provider_reference text,
  last_error text,
  created_by uuid REFERENCES people (id),
  created_at timestamptz NOT NULL DEFAULT now(),
  settled_at timestamptz,
  FOREIGN KEY (municipality_id, order_id) REFERENCES orders (municipality_id, id),
  FOREIGN KEY (municipality_id, reservation_id) REFERENCES reservations (municipality_id, id)
);
CREATE UNIQUE INDEX refunds_reservation_once ON refunds (reservation_id) WHERE reservation_id IS NOT NULL;
CREATE INDEX refunds_order ON refunds (order_id);

ALTER TABLE refunds ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON refunds
  USING (municipality_id = app_current_municipality())
  WITH CHECK (municipality_id = app_current_municipality());
GRANT SELECT, INSERT, UPDATE ON refunds TO helppo_app;
