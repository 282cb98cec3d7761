-- Review and learning (issue 10). A marking keeps the faces it found for the review window
-- (rollcall.attendance.review-hours, default 72 h) so the teacher can correct them; then a scheduled job deletes its
-- faces. The class photo itself is never kept here (only class_photo keeps it, when store-class-photos is on).
CREATE TABLE marking (
    id          uuid PRIMARY KEY,
    class_id    uuid        NOT NULL REFERENCES school_class (id) ON DELETE CASCADE,
    date        date        NOT NULL,
    photo_count integer     NOT NULL,
    created_at  timestamptz NOT NULL,
    created_by  uuid        REFERENCES teacher (id) ON DELETE SET NULL,
    -- after this instant the marking can no longer be corrected (410); its faces are deleted by the cleanup job
    review_until timestamptz NOT NULL
);
CREATE INDEX marking_class_date_idx ON marking (class_id, date);
CREATE INDEX marking_review_until_idx ON marking (review_until);

-- One face a marking found: where it was, its embedding and aligned crop (to learn from), what the engine decided and
-- what the teacher corrected. student_id is who the face is given to now (null: nobody).
CREATE TABLE marking_face (
    id              uuid PRIMARY KEY,
    marking_id      uuid        NOT NULL REFERENCES marking (id) ON DELETE CASCADE,
    position        integer     NOT NULL,
    photo           integer     NOT NULL,
    box_x           real        NOT NULL,
    box_y           real        NOT NULL,
    box_width       real        NOT NULL,
    box_height      real        NOT NULL,
    model_id        varchar(64) NOT NULL,
    embedding       real[]      NOT NULL,
    inter_ocular_px real        NOT NULL,
    yaw_deg         real        NOT NULL,
    pitch_deg       real        NOT NULL,
    roll_deg        real        NOT NULL,
    sharpness       real        NOT NULL,
    brightness      real        NOT NULL,
    thumbnail       bytea,
    crop            bytea,
    status          varchar(16) NOT NULL CHECK (status IN ('MARKED', 'ALREADY_MARKED', 'UNKNOWN', 'KEPT_ABSENT')),
    correction      varchar(16) CHECK (correction IN ('ASSIGNED', 'REJECTED')),
    student_id      uuid        REFERENCES student (id) ON DELETE SET NULL,
    score           real        NOT NULL,
    -- the students this face resembles most (at most 3, best first) when the photo was marked, with their scores
    candidate_ids    uuid[]      NOT NULL DEFAULT '{}',
    candidate_scores real[]      NOT NULL DEFAULT '{}',
    -- an unknown face the engine's looser enrolment-duplicate rule gives to its first candidate: worth a look
    needs_review     boolean     NOT NULL DEFAULT false,
    -- true when this face's presence row was written by this marking or by its correction: rejecting the face
    -- removes that presence, and only that one
    wrote_presence  boolean     NOT NULL DEFAULT false,
    corrected_by    uuid        REFERENCES teacher (id) ON DELETE SET NULL,
    corrected_at    timestamptz,
    CONSTRAINT marking_face_position_unique UNIQUE (marking_id, position)
);
CREATE INDEX marking_face_student_idx ON marking_face (student_id);

-- Faces learned from teacher-confirmed marking faces sit in the same table as enrolment faces, so the class gallery
-- (matching and the enrolment duplicate check) includes them. The marking link outlives the marking's faces as a
-- plain reference (SET NULL), the date it was learned from stays.
ALTER TABLE face
    ADD COLUMN source         varchar(12) NOT NULL DEFAULT 'ENROLMENT' CHECK (source IN ('ENROLMENT', 'LEARNED')),
    ADD COLUMN marking_id     uuid REFERENCES marking (id) ON DELETE SET NULL,
    ADD COLUMN marking_face_id uuid REFERENCES marking_face (id) ON DELETE SET NULL,
    ADD COLUMN learned_date   date;
CREATE UNIQUE INDEX face_marking_face_unique ON face (marking_face_id);
