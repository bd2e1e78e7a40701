-- 0002_push_receipts: the answer given to each push, so that a replayed push (the device never
-- got the answer, or sent the request twice) is answered with the original result.
CREATE TABLE push_receipt (
    device_id   TEXT    NOT NULL,
    first_seq   INTEGER NOT NULL,
    last_seq    INTEGER NOT NULL,
    response    TEXT    NOT NULL,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (device_id, first_seq, last_seq)
) WITHOUT ROWID;
