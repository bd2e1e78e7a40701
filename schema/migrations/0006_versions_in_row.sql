-- 0006_versions_in_row: each synced record keeps the versions of its registers (the blob of
-- shared/replica/MetaCodec) in its own row, in the column sync_versions, instead of in a separate
-- sync_meta table keyed by (table, id). Loading a record is then one lookup instead of two, and
-- saving it one statement instead of two: on the central repository, where every pushed change
-- is saved, that is one random-keyed b-tree fewer to write per change.
-- NULL means what a missing sync_meta row meant: reference data seeded by a migration and never
-- edited since, whose values count as "seed" writes.

ALTER TABLE catalogue_edition ADD COLUMN sync_versions BLOB;
UPDATE catalogue_edition SET sync_versions =
    (SELECT versions FROM sync_meta WHERE tbl = 'catalogue_edition' AND row_id = catalogue_edition.id)
    WHERE id IN (SELECT row_id FROM sync_meta WHERE tbl = 'catalogue_edition');

ALTER TABLE standard ADD COLUMN sync_versions BLOB;
UPDATE standard SET sync_versions =
    (SELECT versions FROM sync_meta WHERE tbl = 'standard' AND row_id = standard.id)
    WHERE id IN (SELECT row_id FROM sync_meta WHERE tbl = 'standard');

ALTER TABLE region ADD COLUMN sync_versions BLOB;
UPDATE region SET sync_versions =
    (SELECT versions FROM sync_meta WHERE tbl = 'region' AND row_id = region.id)
    WHERE id IN (SELECT row_id FROM sync_meta WHERE tbl = 'region');

ALTER TABLE member ADD COLUMN sync_versions BLOB;
UPDATE member SET sync_versions =
    (SELECT versions FROM sync_meta WHERE tbl = 'member' AND row_id = member.id)
    WHERE id IN (SELECT row_id FROM sync_meta WHERE tbl = 'member');

ALTER TABLE person ADD COLUMN sync_versions BLOB;
UPDATE person SET sync_versions =
    (SELECT versions FROM sync_meta WHERE tbl = 'person' AND row_id = person.id)
    WHERE id IN (SELECT row_id FROM sync_meta WHERE tbl = 'person');

ALTER TABLE mission ADD COLUMN sync_versions BLOB;
UPDATE mission SET sync_versions =
    (SELECT versions FROM sync_meta WHERE tbl = 'mission' AND row_id = mission.id)
    WHERE id IN (SELECT row_id FROM sync_meta WHERE tbl = 'mission');

ALTER TABLE mission_member ADD COLUMN sync_versions BLOB;
UPDATE mission_member SET sync_versions =
    (SELECT versions FROM sync_meta WHERE tbl = 'mission_member' AND row_id = mission_member.id)
    WHERE id IN (SELECT row_id FROM sync_meta WHERE tbl = 'mission_member');

ALTER TABLE observation ADD COLUMN sync_versions BLOB;
UPDATE observation SET sync_versions =
    (SELECT versions FROM sync_meta WHERE tbl = 'observation' AND row_id = observation.id)
    WHERE id IN (SELECT row_id FROM sync_meta WHERE tbl = 'observation');

ALTER TABLE action_step ADD COLUMN sync_versions BLOB;
UPDATE action_step SET sync_versions =
    (SELECT versions FROM sync_meta WHERE tbl = 'action_step' AND row_id = action_step.id)
    WHERE id IN (SELECT row_id FROM sync_meta WHERE tbl = 'action_step');

ALTER TABLE training ADD COLUMN sync_versions BLOB;
UPDATE training SET sync_versions =
    (SELECT versions FROM sync_meta WHERE tbl = 'training' AND row_id = training.id)
    WHERE id IN (SELECT row_id FROM sync_meta WHERE tbl = 'training');

ALTER TABLE training_standard ADD COLUMN sync_versions BLOB;
UPDATE training_standard SET sync_versions =
    (SELECT versions FROM sync_meta WHERE tbl = 'training_standard' AND row_id = training_standard.id)
    WHERE id IN (SELECT row_id FROM sync_meta WHERE tbl = 'training_standard');

ALTER TABLE training_trainer ADD COLUMN sync_versions BLOB;
UPDATE training_trainer SET sync_versions =
    (SELECT versions FROM sync_meta WHERE tbl = 'training_trainer' AND row_id = training_trainer.id)
    WHERE id IN (SELECT row_id FROM sync_meta WHERE tbl = 'training_trainer');

ALTER TABLE training_session ADD COLUMN sync_versions BLOB;
UPDATE training_session SET sync_versions =
    (SELECT versions FROM sync_meta WHERE tbl = 'training_session' AND row_id = training_session.id)
    WHERE id IN (SELECT row_id FROM sync_meta WHERE tbl = 'training_session');

ALTER TABLE enrolment ADD COLUMN sync_versions BLOB;
UPDATE enrolment SET sync_versions =
    (SELECT versions FROM sync_meta WHERE tbl = 'enrolment' AND row_id = enrolment.id)
    WHERE id IN (SELECT row_id FROM sync_meta WHERE tbl = 'enrolment');

ALTER TABLE attendance ADD COLUMN sync_versions BLOB;
UPDATE attendance SET sync_versions =
    (SELECT versions FROM sync_meta WHERE tbl = 'attendance' AND row_id = attendance.id)
    WHERE id IN (SELECT row_id FROM sync_meta WHERE tbl = 'attendance');

ALTER TABLE attachment ADD COLUMN sync_versions BLOB;
UPDATE attachment SET sync_versions =
    (SELECT versions FROM sync_meta WHERE tbl = 'attachment' AND row_id = attachment.id)
    WHERE id IN (SELECT row_id FROM sync_meta WHERE tbl = 'attachment');

ALTER TABLE review_comment ADD COLUMN sync_versions BLOB;
UPDATE review_comment SET sync_versions =
    (SELECT versions FROM sync_meta WHERE tbl = 'review_comment' AND row_id = review_comment.id)
    WHERE id IN (SELECT row_id FROM sync_meta WHERE tbl = 'review_comment');

DROP TABLE sync_meta;
