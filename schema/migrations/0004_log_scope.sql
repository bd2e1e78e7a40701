-- 0004_log_scope: on the central repository, each logged change carries the scope of its record
-- (shared/domain/RecordScope.h), so a pull returns only what the user may read, with an index per
-- scope. On a device the columns stay NULL.
ALTER TABLE sync_log ADD COLUMN scope_kind TEXT;
ALTER TABLE sync_log ADD COLUMN scope_id TEXT;
CREATE INDEX sync_log_scope ON sync_log (scope_kind, scope_id, seq);
