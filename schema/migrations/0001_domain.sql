-- 0001 domain: every synced domain table of Cadre (see shared/domain/TableCatalogue.cpp).
--
-- Conventions the replica relies on, generically through the TableSpecs:
--   * each table starts with `id` (the record's UUID) and `deleted` (0/1 tombstone), then the
--     spec's columns in the spec's order, with the same names;
--   * Text/Date/DateTime/Uuid/Enum are TEXT, Integer/Boolean INTEGER, Real REAL;
--     required columns are NOT NULL; enums, booleans and numeric ranges are CHECKed here too
--     (a NULL passes a CHECK, so optional columns stay nullable). No CHECK is stricter than the
--     spec: a change the server's validation accepts must never fail here;
--   * no FOREIGN KEY clauses: sync applies records in any order and foreign_keys is OFF; the domain
--     layer checks references. Each reference column used for lookups has an index;
--   * a table with a natural key has a UNIQUE index on it (the record's id is derived from it).
-- Text lengths and formats (dates, UUIDs, sha256) are checked by the domain layer, not here.
-- No BEGIN/COMMIT: the migration runner wraps each file in its own transaction.

-- An edition of the Framework of Standards (2018, the 2022 revision, ...): standards are data.
CREATE TABLE catalogue_edition (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    year INTEGER NOT NULL CHECK (year BETWEEN 2000 AND 2100),
    title_en TEXT,
    title_fr TEXT,
    status TEXT NOT NULL CHECK (status IN ('draft', 'in_force', 'superseded')),
    published_on TEXT
);

-- One standard of an edition; standards are grouped (8 groups in 2018).
CREATE TABLE standard (
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
        CHECK (source_confidence IN ('confirmed', 'content_confirmed', 'to_confirm'))
);
CREATE UNIQUE INDEX standard_natural_key ON standard (edition_id, number);

-- One of the WCO's six regions.
CREATE TABLE region (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    code TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL
);
CREATE UNIQUE INDEX region_natural_key ON region (code);

-- A WCO Member (a Customs administration), named by its territory's ISO 3166-1 alpha-3 code.
CREATE TABLE member (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    iso3 TEXT NOT NULL,
    name_en TEXT NOT NULL,
    name_fr TEXT NOT NULL,
    region_id TEXT NOT NULL,
    letter_of_intent_on TEXT,
    mercator_track TEXT NOT NULL CHECK (mercator_track IN ('none', 'overall', 'tailor_made'))
);
CREATE UNIQUE INDEX member_natural_key ON member (iso3);
CREATE INDEX member_region_id ON member (region_id);

-- A person: accredited expert, trainer, participant, counterpart, reviewer.
CREATE TABLE person (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    family_name TEXT NOT NULL,
    given_names TEXT,
    email TEXT,
    organisation TEXT,
    job_title TEXT,
    member_id TEXT,
    gender TEXT CHECK (gender IN ('female', 'male', 'other', 'undisclosed'))
);
CREATE INDEX person_member_id ON person (member_id);

-- A mission to a Member: diagnostic, self-assessment, tailored support, study visit, follow-up.
CREATE TABLE mission (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    kind TEXT NOT NULL CHECK (kind IN ('diagnostic', 'self_assessment', 'tailored_support',
                                       'study_visit', 'follow_up')),
    member_id TEXT NOT NULL,
    edition_id TEXT NOT NULL,
    title TEXT NOT NULL,
    starts_on TEXT,
    ends_on TEXT,
    status TEXT NOT NULL CHECK (status IN ('planned', 'in_progress', 'completed', 'cancelled')),
    review_state TEXT NOT NULL
        CHECK (review_state IN ('draft', 'submitted', 'has_issues', 'approved')),
    economic_context TEXT,
    ecommerce_context TEXT
);
CREATE INDEX mission_member_id ON mission (member_id);
CREATE INDEX mission_edition_id ON mission (edition_id);

-- Who takes part in a mission, and in which role.
CREATE TABLE mission_member (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    mission_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('lead_expert', 'expert', 'observer', 'counterpart'))
);
CREATE UNIQUE INDEX mission_member_natural_key ON mission_member (mission_id, person_id);
CREATE INDEX mission_member_person_id ON mission_member (person_id);

-- What a mission found for one standard. maturity is the expert's judgement of implementation:
--   0 not started, 1 initial, 2 partial, 3 substantial, 4 full (NULL: not judged yet).
CREATE TABLE observation (
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
    national_priority TEXT CHECK (national_priority IN ('high', 'medium', 'low')),
    review_state TEXT NOT NULL
        CHECK (review_state IN ('draft', 'submitted', 'has_issues', 'approved'))
);
CREATE UNIQUE INDEX observation_natural_key ON observation (mission_id, standard_id);
CREATE INDEX observation_standard_id ON observation (standard_id);

-- One step of a Member's action plan for one standard.
CREATE TABLE action_step (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    member_id TEXT NOT NULL,
    standard_id TEXT NOT NULL,
    mission_id TEXT,
    title TEXT NOT NULL,
    description TEXT,
    due_on TEXT,
    status TEXT NOT NULL
        CHECK (status IN ('planned', 'in_progress', 'done', 'blocked', 'cancelled')),
    responsible TEXT
);
CREATE INDEX action_step_member_id ON action_step (member_id, standard_id);
CREATE INDEX action_step_standard_id ON action_step (standard_id);
CREATE INDEX action_step_mission_id ON action_step (mission_id);

-- A training activity (ToT, field training, e-learning, seminar, workshop, visit, conference).
CREATE TABLE training (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    kind TEXT NOT NULL CHECK (kind IN ('training_of_trainers', 'field_training_of_experts',
                                       'e_learning', 'seminar', 'regional_workshop',
                                       'study_visit', 'conference')),
    title TEXT NOT NULL,
    edition_id TEXT,
    member_id TEXT,
    region_id TEXT,
    venue TEXT,
    starts_on TEXT,
    ends_on TEXT,
    status TEXT NOT NULL CHECK (status IN ('planned', 'ongoing', 'completed', 'cancelled'))
);
CREATE INDEX training_edition_id ON training (edition_id);
CREATE INDEX training_member_id ON training (member_id);
CREATE INDEX training_region_id ON training (region_id);

-- Which standards a training covers.
CREATE TABLE training_standard (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    training_id TEXT NOT NULL,
    standard_id TEXT NOT NULL
);
CREATE UNIQUE INDEX training_standard_natural_key ON training_standard (training_id, standard_id);
CREATE INDEX training_standard_standard_id ON training_standard (standard_id);

-- Who trains in a training.
CREATE TABLE training_trainer (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    training_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('lead', 'co_trainer'))
);
CREATE UNIQUE INDEX training_trainer_natural_key ON training_trainer (training_id, person_id);
CREATE INDEX training_trainer_person_id ON training_trainer (person_id);

-- One day or half-day of a training, the unit attendance is taken for.
CREATE TABLE training_session (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    training_id TEXT NOT NULL,
    held_on TEXT NOT NULL,
    part TEXT NOT NULL CHECK (part IN ('full_day', 'morning', 'afternoon')),
    topic TEXT
);
CREATE UNIQUE INDEX training_session_natural_key ON training_session (training_id, held_on, part);

-- A participant of a training: test scores, and whether they qualified as a trainer (ToT cascade).
CREATE TABLE enrolment (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    training_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    pre_score REAL CHECK (pre_score BETWEEN 0 AND 100),
    post_score REAL CHECK (post_score BETWEEN 0 AND 100),
    certified_trainer INTEGER NOT NULL CHECK (certified_trainer IN (0, 1)),
    trained_by_person_id TEXT
);
CREATE UNIQUE INDEX enrolment_natural_key ON enrolment (training_id, person_id);
CREATE INDEX enrolment_person_id ON enrolment (person_id);
CREATE INDEX enrolment_trained_by_person_id ON enrolment (trained_by_person_id);

-- A participant's attendance at one session.
CREATE TABLE attendance (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    session_id TEXT NOT NULL,
    person_id TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('present', 'late', 'excused', 'absent')),
    note TEXT
);
CREATE UNIQUE INDEX attendance_natural_key ON attendance (session_id, person_id);
CREATE INDEX attendance_person_id ON attendance (person_id);

-- Evidence (photo, scan) attached to a record; the bytes are content-addressed by sha256.
CREATE TABLE attachment (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    owner_table TEXT NOT NULL CHECK (owner_table IN ('mission', 'observation', 'training',
                                                     'training_session', 'action_step')),
    owner_id TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size_bytes INTEGER NOT NULL CHECK (size_bytes BETWEEN 0 AND 268435456),
    caption TEXT
);
CREATE INDEX attachment_owner ON attachment (owner_id, owner_table);
CREATE INDEX attachment_sha256 ON attachment (sha256);

-- An HQ review comment on a mission, or on one observation of it.
CREATE TABLE review_comment (
    id TEXT PRIMARY KEY NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0 CHECK (deleted IN (0, 1)),
    mission_id TEXT NOT NULL,
    observation_id TEXT,
    body TEXT NOT NULL,
    author_person_id TEXT,
    posted_at TEXT NOT NULL
);
CREATE INDEX review_comment_mission_id ON review_comment (mission_id);
CREATE INDEX review_comment_observation_id ON review_comment (observation_id);
CREATE INDEX review_comment_author_person_id ON review_comment (author_person_id);
