-- The office whose reference data (administrative units, payout levels and regimes) the hub publishes to every office
-- (the province's own office, as its administrator decides).
ALTER TABLE offices ADD COLUMN publishes boolean NOT NULL DEFAULT false;
