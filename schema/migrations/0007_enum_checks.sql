-- 0007_enum_checks: the enumeration CHECKs of three values or more, written as OR chains.
-- SQLite 3.40 compiles `CHECK (x IN ('a', 'b', 'c'))` into a temporary b-tree built for every row
-- inserted or updated (OP_OpenEphemeral); `CHECK (x = 'a' OR x = 'b' OR x = 'c')` accepts and
-- refuses exactly the same values (NULL included) with plain comparisons. Measured on the rows a
-- hub writes per pushed observation (two such CHECKs): about a tenth of SQLite's CPU per change.
-- SQLite cannot alter a CHECK in place, so each table concerned is rebuilt as its documentation
-- prescribes (https://www.sqlite.org/lang_altertable.html#otheralter): new table, copy, drop,
-- rename, indexes again. Columns, their order, types, defaults and rows are unchanged.
-- Generated once from the schema at version 6 (a published migration is never edited).

-- catalogue_edition
CREATE TABLE cadre_new_catalogue_edition (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    title_en TEXT,
    title_fr TEXT,
    status TEXT NOT NULL CHECK (status = 'draft' OR status = 'in_force' OR status = 'superseded'),
    published_on TEXT
, sync_versions BLOB);
INSERT INTO cadre_new_catalogue_edition ("id", "deleted", "year", "title_en", "title_fr", "status", "published_on", "sync_versions")
    SELECT "id", "deleted", "year", "title_en", "title_fr", "status", "published_on", "sync_versions" FROM catalogue_edition;
DROP TABLE catalogue_edition;
ALTER TABLE cadre_new_catalogue_edition RENAME TO catalogue_edition;

-- standard
CREATE TABLE cadre_new_standard (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    edition_id TEXT NOT NULL,
    number INTEGER NOT NULL CHECK (number BETWEEN 1 AND 99),
    group_number INTEGER NOT NULL CHECK (group_number BETWEEN 1 AND 99),
    group_en TEXT,
    group_fr TEXT,
    title_en TEXT NOT NULL,
    title_fr TEXT,
    source_confidence TEXT NOT NULL
        CHECK (source_confidence = 'confirmed' OR source_confidence = 'content_confirmed' OR source_confidence = 'to_confirm')
, sync_versions BLOB);
INSERT INTO cadre_new_standard ("id", "deleted", "edition_id", "number", "group_number", "group_en", "group_fr", "title_en", "title_fr", "source_confidence", "sync_versions")
    SELECT "id", "deleted", "edition_id", "number", "group_number", "group_en", "group_fr", "title_en", "title_fr", "source_confidence", "sync_versions" FROM standard;
DROP TABLE standard;
ALTER TABLE cadre_new_standard RENAME TO standard;
CREATE UNIQUE INDEX standard_natural_key ON standard (edition_id, number);

-- member
CREATE TABLE cadre_new_member (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    iso3 TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    region_id TEXT NOT NULL,
    letter_of_intent_on TEXT,
    mercator_track TEXT NOT NULL CHECK (mercator_track = 'none' OR mercator_track = 'overall' OR mercator_track = 'tailor_made')
, sync_versions BLOB);
INSERT INTO cadre_new_member ("id", "deleted", "iso3", "name_en", "name_fr", "region_id", "letter_of_intent_on", "mercator_track", "sync_versions")
    SELECT "id", "deleted", "iso3", "name_en", "name_fr", "region_id", "letter_of_intent_on", "mercator_track", "sync_versions" FROM member;
DROP TABLE member;
ALTER TABLE cadre_new_member RENAME TO member;
CREATE UNIQUE INDEX member_natural_key ON member (iso3);
CREATE INDEX member_region_id ON member (region_id);

-- person
CREATE TABLE cadre_new_person (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    family_name TEXT NOT NULL,
    given_names TEXT,
    email TEXT,
    organisation TEXT,
    job_title TEXT,
    member_id TEXT,
    gender TEXT CHECK (gender = 'female' OR gender = 'male' OR gender = 'other' OR gender = 'undisclosed')
, sync_versions BLOB);
INSERT INTO cadre_new_person ("id", "deleted", "family_name", "given_names", "email", "organisation", "job_title", "member_id", "gender", "sync_versions")
    SELECT "id", "deleted", "family_name", "given_names", "email", "organisation", "job_title", "member_id", "gender", "sync_versions" FROM person;
DROP TABLE person;
ALTER TABLE cadre_new_person RENAME TO person;
CREATE INDEX person_member_id ON person (member_id);

-- mission
CREATE TABLE cadre_new_mission (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    kind TEXT NOT NULL CHECK (kind = 'diagnostic' OR kind = 'self_assessment' OR kind = 'tailored_support' OR kind = 'study_visit' OR kind = 'follow_up'),
    member_id TEXT NOT NULL,
    edition_id TEXT NOT NULL,
    title TEXT NOT NULL,
    starts_on TEXT,
    ends_on TEXT,
    status TEXT NOT NULL CHECK (status = 'planned' OR status = 'in_progress' OR status = 'completed' OR status = 'cancelled'),
    review_state TEXT NOT NULL
        CHECK (review_state = 'draft' OR review_state = 'submitted' OR review_state = 'has_issues' OR review_state = 'approved'),
    economic_context TEXT,
    ecommerce_context TEXT
, sync_versions BLOB);
INSERT INTO cadre_new_mission ("id", "deleted", "kind", "member_id", "edition_id", "title", "starts_on", "ends_on", "status", "review_state", "economic_context", "ecommerce_context", "sync_versions")
    SELECT "id", "deleted", "kind", "member_id", "edition_id", "title", "starts_on", "ends_on", "status", "review_state", "economic_context", "ecommerce_context", "sync_versions" FROM mission;
DROP TABLE mission;
ALTER TABLE cadre_new_mission RENAME TO mission;
CREATE INDEX mission_member_id ON mission (member_id);
CREATE INDEX mission_edition_id ON mission (edition_id);

-- mission_member
CREATE TABLE cadre_new_mission_member (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    mission_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role = 'lead_expert' OR role = 'expert' OR role = 'observer' OR role = 'counterpart')
, sync_versions BLOB);
INSERT INTO cadre_new_mission_member ("id", "deleted", "mission_id", "person_id", "role", "sync_versions")
    SELECT "id", "deleted", "mission_id", "person_id", "role", "sync_versions" FROM mission_member;
DROP TABLE mission_member;
ALTER TABLE cadre_new_mission_member RENAME TO mission_member;
CREATE UNIQUE INDEX mission_member_natural_key ON mission_member (mission_id, person_id);
CREATE INDEX mission_member_person_id ON mission_member (person_id);

-- observation
CREATE TABLE cadre_new_observation (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    mission_id TEXT NOT NULL,
    standard_id TEXT NOT NULL,
    maturity INTEGER CHECK (maturity BETWEEN 0 AND 4),
    current_state TEXT,
    gaps TEXT,
    legal_amendments TEXT,
    msme_needs TEXT,
    recommendations TEXT,
    national_priority TEXT CHECK (national_priority = 'high' OR national_priority = 'medium' OR national_priority = 'low'),
    review_state TEXT NOT NULL
        CHECK (review_state = 'draft' OR review_state = 'submitted' OR review_state = 'has_issues' OR review_state = 'approved')
, sync_versions BLOB);
INSERT INTO cadre_new_observation ("id", "deleted", "mission_id", "standard_id", "maturity", "current_state", "gaps", "legal_amendments", "msme_needs", "recommendations", "national_priority", "review_state", "sync_versions")
    SELECT "id", "deleted", "mission_id", "standard_id", "maturity", "current_state", "gaps", "legal_amendments", "msme_needs", "recommendations", "national_priority", "review_state", "sync_versions" FROM observation;
DROP TABLE observation;
ALTER TABLE cadre_new_observation RENAME TO observation;
CREATE UNIQUE INDEX observation_natural_key ON observation (mission_id, standard_id);
CREATE INDEX observation_standard_id ON observation (standard_id);

-- action_step
CREATE TABLE cadre_new_action_step (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    member_id TEXT NOT NULL,
    standard_id TEXT NOT NULL,
    mission_id TEXT,
    title TEXT NOT NULL,
    description TEXT,
    due_on TEXT,
    status TEXT NOT NULL
        CHECK (status = 'planned' OR status = 'in_progress' OR status = 'done' OR status = 'blocked' OR status = 'cancelled'),
    responsible TEXT
, sync_versions BLOB);
INSERT INTO cadre_new_action_step ("id", "deleted", "member_id", "standard_id", "mission_id", "title", "description", "due_on", "status", "responsible", "sync_versions")
    SELECT "id", "deleted", "member_id", "standard_id", "mission_id", "title", "description", "due_on", "status", "responsible", "sync_versions" FROM action_step;
DROP TABLE action_step;
ALTER TABLE cadre_new_action_step RENAME TO action_step;
CREATE INDEX action_step_member_id ON action_step (member_id, standard_id);
CREATE INDEX action_step_standard_id ON action_step (standard_id);
CREATE INDEX action_step_mission_id ON action_step (mission_id);

-- training
CREATE TABLE cadre_new_training (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    kind TEXT NOT NULL CHECK (kind = 'training_of_trainers' OR kind = 'field_training_of_experts' OR kind = 'e_learning' OR kind = 'seminar' OR kind = 'regional_workshop' OR kind = 'study_visit' OR kind = 'conference'),
    title TEXT NOT NULL,
    edition_id TEXT,
    member_id TEXT,
    region_id TEXT,
    venue TEXT,
    starts_on TEXT,
    ends_on TEXT,
    status TEXT NOT NULL CHECK (status = 'planned' OR status = 'ongoing' OR status = 'completed' OR status = 'cancelled')
, sync_versions BLOB);
INSERT INTO cadre_new_training ("id", "deleted", "kind", "title", "edition_id", "member_id", "region_id", "venue", "starts_on", "ends_on", "status", "sync_versions")
    SELECT "id", "deleted", "kind", "title", "edition_id", "member_id", "region_id", "venue", "starts_on", "ends_on", "status", "sync_versions" FROM training;
DROP TABLE training;
ALTER TABLE cadre_new_training RENAME TO training;
CREATE INDEX training_edition_id ON training (edition_id);
CREATE INDEX training_member_id ON training (member_id);
CREATE INDEX training_region_id ON training (region_id);

-- training_session
CREATE TABLE cadre_new_training_session (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    training_id TEXT NOT NULL,
    held_on TEXT NOT NULL,
    part TEXT NOT NULL CHECK (part = 'full_day' OR part = 'morning' OR part = 'afternoon'),
    topic TEXT
, sync_versions BLOB);
INSERT INTO cadre_new_training_session ("id", "deleted", "training_id", "held_on", "part", "topic", "sync_versions")
    SELECT "id", "deleted", "training_id", "held_on", "part", "topic", "sync_versions" FROM training_session;
DROP TABLE training_session;
ALTER TABLE cadre_new_training_session RENAME TO training_session;
CREATE UNIQUE INDEX training_session_natural_key ON training_session (training_id, held_on, part);

-- attendance
CREATE TABLE cadre_new_attendance (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    session_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status = 'present' OR status = 'late' OR status = 'excused' OR status = 'absent'),
    note TEXT
, sync_versions BLOB);
INSERT INTO cadre_new_attendance ("id", "deleted", "session_id", "person_id", "status", "note", "sync_versions")
    SELECT "id", "deleted", "session_id", "person_id", "status", "note", "sync_versions" FROM attendance;
DROP TABLE attendance;
ALTER TABLE cadre_new_attendance RENAME TO attendance;
CREATE UNIQUE INDEX attendance_natural_key ON attendance (session_id, person_id);
CREATE INDEX attendance_person_id ON attendance (person_id);

-- attachment
CREATE TABLE cadre_new_attachment (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    owner_table TEXT NOT NULL CHECK (owner_table = 'mission' OR owner_table = 'observation' OR owner_table = 'training' OR owner_table = 'training_session' OR owner_table = 'action_step'),
    owner_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL CHECK (size_bytes BETWEEN 0 AND 268435456),
    caption TEXT
, sync_versions BLOB);
INSERT INTO cadre_new_attachment ("id", "deleted", "owner_table", "owner_id", "sha256", "file_name", "media_type", "size_bytes", "caption", "sync_versions")
    SELECT "id", "deleted", "owner_table", "owner_id", "sha256", "file_name", "media_type", "size_bytes", "caption", "sync_versions" FROM attachment;
DROP TABLE attachment;
ALTER TABLE cadre_new_attachment RENAME TO attachment;
CREATE INDEX attachment_owner ON attachment (owner_id, owner_table);
CREATE INDEX attachment_sha256 ON attachment (sha256);
