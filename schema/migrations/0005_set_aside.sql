-- 0005_set_aside: on a device, the changes the server refused for good (a write outside the
-- user's rights, e.g. to a mission they were taken off while offline). They leave the outbox so
-- the device's later changes can go, and stay here, with the server's reason, for the user to see;
-- the record keeps its local values. On the central repository the table stays empty.
CREATE TABLE sync_set_aside (
    id     INTEGER PRIMARY KEY,
    tbl    TEXT    NOT NULL,
    row_id TEXT    NOT NULL,
    change TEXT    NOT NULL,  -- the change as it was in the outbox (wire JSON)
    status INTEGER NOT NULL,  -- the HTTP status of the refusal (403)
    code   TEXT    NOT NULL,  -- "forbidden", …
    reason TEXT    NOT NULL,  -- the server's reason for this change
    at_ms  INTEGER NOT NULL   -- when it was set aside (device clock, ms since the epoch)
);
CREATE INDEX sync_set_aside_record ON sync_set_aside (tbl, row_id);
