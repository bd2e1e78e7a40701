-- Server accounts: users, their registered devices, hashed bearer tokens, login throttling, audit.
-- Times are INTEGER milliseconds since the Unix epoch. Versioned in server_schema, not user_version.

-- A person who signs in. username is unique whatever its case; password_hash is self-describing
-- ("scrypt$N$r$p$salt$hash") so its KDF parameters can be raised and old hashes still verify.
CREATE TABLE app_user (
    id TEXT PRIMARY KEY NOT NULL,
    username TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(username) BETWEEN 3 AND 64),
    password_hash TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('expert', 'trainer', 'hq_reviewer', 'admin')),
    person_id TEXT,  -- person.id (synced table) this user is, or NULL
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
CREATE INDEX app_user_person ON app_user (person_id) WHERE person_id IS NOT NULL;

-- A replica (its device id) registered to one user at its first login. A revoked device can no
-- longer log in and its tokens stop working.
CREATE TABLE device (
    id TEXT PRIMARY KEY NOT NULL,
    user_id TEXT NOT NULL REFERENCES app_user (id),
    name TEXT NOT NULL DEFAULT '',
    registered_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE INDEX device_user ON device (user_id);

-- A bearer token, stored only as the SHA-256 of the token text; bound to one device.
CREATE TABLE auth_token (
    id TEXT PRIMARY KEY NOT NULL,
    token_hash BLOB NOT NULL UNIQUE CHECK (length(token_hash) = 32),
    user_id TEXT NOT NULL REFERENCES app_user (id),
    device_id TEXT NOT NULL REFERENCES device (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER
);
CREATE INDEX auth_token_user ON auth_token (user_id);
CREATE INDEX auth_token_device ON auth_token (device_id);
CREATE INDEX auth_token_expires ON auth_token (expires_at);

-- Failed logins per key: 'user:<lower-case name>' (also for names that do not exist) or
-- 'addr:<remote address>'. The row is forgotten at expires_at (a window of quiet after the last
-- failure or the end of the block, whichever is later).
CREATE TABLE login_throttle (
    key TEXT PRIMARY KEY NOT NULL,
    failures INTEGER NOT NULL CHECK (failures >= 0),
    window_start INTEGER NOT NULL,
    blocked_until INTEGER NOT NULL DEFAULT 0,
    expires_at INTEGER NOT NULL
) WITHOUT ROWID;
CREATE INDEX login_throttle_expires ON login_throttle (expires_at);

-- Who did what, when, from which device and address. user_id is NULL for an unknown username or
-- an action of the system itself; details is a JSON object.
CREATE TABLE audit_event (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL,
    user_id TEXT,
    action TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
    device_id TEXT,
    remote_address TEXT,
    details TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(details))
);
CREATE INDEX audit_event_at ON audit_event (at);
CREATE INDEX audit_event_user ON audit_event (user_id, at);
