-- What the demo loader (Demo/DemoLoader.cs) has finished: one row per part ('issuers', 'catalog', 'learner:sarah',
-- 'caseload', 'postings') and 'complete' once everything is in. A start that finds 'complete' loads nothing; a start
-- after a load that stopped midway redoes only the parts without a row, each idempotent by external ids.
CREATE TABLE demo_loads (
    part       text PRIMARY KEY CHECK (part <> ''),
    items      integer NOT NULL CHECK (items >= 0),
    loaded_at  timestamptz NOT NULL DEFAULT now()
);
