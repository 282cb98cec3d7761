-- Bulk photo enrolment (issue 12): the SHA-256 of the enrolment photo a face came from, so running the same folder
-- of photos again skips what is already enrolled instead of adding the same face twice. Only the hash is kept, never
-- the photo. Faces enrolled one at a time have none.
ALTER TABLE face ADD COLUMN photo_sha256 bytea;
CREATE UNIQUE INDEX face_student_photo_sha256_key ON face (student_id, photo_sha256) WHERE photo_sha256 IS NOT NULL;
