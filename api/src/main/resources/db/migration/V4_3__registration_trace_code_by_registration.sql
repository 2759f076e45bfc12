-- A registration's traceability codes are read back with it (every listing, every record view): without this index
-- that read scans every code ever registered (the load harness measured 1 s per listing at 1 M registrations).
CREATE INDEX ix_registration_trace_code_registration ON registration_trace_code (registration_id);
