-- The teacher's manual corrections, kept so an unmark (which removes the presence) still says who did it and when.
CREATE TABLE attendance_correction (
    id           uuid PRIMARY KEY,
    class_id     uuid        NOT NULL REFERENCES school_class (id) ON DELETE CASCADE,
    student_id   uuid        NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    date         date        NOT NULL,
    action       varchar(8)  NOT NULL CHECK (action IN ('MARK', 'UNMARK')),
    corrected_by uuid        REFERENCES teacher (id) ON DELETE SET NULL,
    corrected_at timestamptz NOT NULL
);
CREATE INDEX attendance_correction_student_idx ON attendance_correction (student_id, date);
