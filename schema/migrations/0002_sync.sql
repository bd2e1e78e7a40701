-- 0002_sync: the replica's sync bookkeeping, the same on a device and on the central repository.
-- Domain tables hold each field's current (winning) value; these tables hold how it got there.

-- Local settings of this replica: device_id, role, last_seq (the last sequence number this device
-- gave a change of its own), acked_seq (the last one the server acknowledged), clock (the last
-- hybrid logical clock value issued or observed), clock_offset_ms (server time minus device time).
CREATE TABLE sync_state (
    key   TEXT PRIMARY KEY NOT NULL,
    value
) WITHOUT ROWID;

-- The version (HLC, device, author) of the winning write of every register of a record, packed
-- by shared/replica/MetaCodec. A record created by sync always has a row here; reference data
-- seeded by a migration has none until its first edit (its values then count as "seed" writes).
CREATE TABLE sync_meta (
    tbl      TEXT NOT NULL,
    row_id   TEXT NOT NULL,
    versions BLOB NOT NULL,
    PRIMARY KEY (tbl, row_id)
) WITHOUT ROWID;

-- The live writes of a register other than its winner (see shared/merge/Register.h).
-- conflict = 1 when the value differs from the winner's: a conflict for headquarters to resolve.
CREATE TABLE sync_leaf (
    tbl      TEXT    NOT NULL,
    row_id   TEXT    NOT NULL,
    col      TEXT    NOT NULL,
    hlc      INTEGER NOT NULL,
    device   TEXT    NOT NULL,
    author   TEXT    NOT NULL,
    value,
    conflict INTEGER NOT NULL CHECK (conflict IN (0, 1)),
    PRIMARY KEY (tbl, row_id, col, hlc, device)
) WITHOUT ROWID;
CREATE INDEX sync_leaf_conflicts ON sync_leaf (conflict, tbl, row_id) WHERE conflict = 1;

-- For every device whose changes this replica holds, the highest sequence number applied.
-- Changes arrive from each origin in sequence order; one at or below this number is a replay.
CREATE TABLE sync_origin (
    device  TEXT PRIMARY KEY NOT NULL,
    max_seq INTEGER NOT NULL
) WITHOUT ROWID;

-- The change log. On a device: its own changes, until the server acknowledges them (the outbox).
-- On the central repository (role hub): every change applied, in commit order; seq is the pull
-- cursor, so a pull by cursor sees every change exactly once.
CREATE TABLE sync_log (
    seq        INTEGER PRIMARY KEY AUTOINCREMENT,
    origin     TEXT    NOT NULL,
    origin_seq INTEGER NOT NULL,
    tbl        TEXT    NOT NULL,
    row_id     TEXT    NOT NULL,
    change     TEXT    NOT NULL,
    UNIQUE (origin, origin_seq)
);
