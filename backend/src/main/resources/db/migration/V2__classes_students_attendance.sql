-- Classes, students, their enrolment faces and attendance (issue 4). Everything hangs off the teacher and is erased
-- with it (ON DELETE CASCADE), so deleting an account or a student also erases the faces.

-- "class" is an SQL keyword; the table is named for what it holds.
CREATE TABLE school_class (
    id         uuid PRIMARY KEY,
    teacher_id uuid         NOT NULL REFERENCES teacher (id) ON DELETE CASCADE,
    name       varchar(100) NOT NULL,
    timezone   varchar(64)  NOT NULL,
    created_at timestamptz  NOT NULL DEFAULT now()
);
CREATE INDEX school_class_teacher_idx ON school_class (teacher_id);

CREATE TABLE student (
    id         uuid PRIMARY KEY,
    class_id   uuid         NOT NULL REFERENCES school_class (id) ON DELETE CASCADE,
    roll_no    varchar(32)  NOT NULL,
    name       varchar(200) NOT NULL,
    email      varchar(320),
    created_at timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT student_roll_no_unique UNIQUE (class_id, roll_no)
);

-- One enrolment photo's face: the embedding and a small thumbnail of the aligned chip; never the photo itself.
-- model_id says which network made the embedding: vectors of different models are never compared.
CREATE TABLE face (
    id              uuid PRIMARY KEY,
    student_id      uuid        NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    model_id        varchar(64) NOT NULL,
    embedding       real[]      NOT NULL,
    inter_ocular_px real        NOT NULL,
    yaw_deg         real        NOT NULL,
    pitch_deg       real        NOT NULL,
    roll_deg        real        NOT NULL,
    sharpness       real        NOT NULL,
    brightness      real        NOT NULL,
    thumbnail       bytea,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX face_student_idx ON face (student_id);

-- A student is present at most once a day: the primary key is what makes concurrent marking idempotent
-- (INSERT ... ON CONFLICT DO NOTHING).
CREATE TABLE attendance (
    student_id  uuid        NOT NULL REFERENCES student (id) ON DELETE CASCADE,
    date        date        NOT NULL,
    class_id    uuid        NOT NULL REFERENCES school_class (id) ON DELETE CASCADE,
    source      varchar(8)  NOT NULL CHECK (source IN ('PHOTO', 'MANUAL')),
    score       real,
    marked_at   timestamptz NOT NULL,
    marked_by   uuid        REFERENCES teacher (id) ON DELETE SET NULL,
    PRIMARY KEY (student_id, date)
);
CREATE INDEX attendance_class_date_idx ON attendance (class_id, date);

-- Only filled when rollcall.attendance.store-class-photos is true (off by default).
CREATE TABLE class_photo (
    id          uuid PRIMARY KEY,
    class_id    uuid        NOT NULL REFERENCES school_class (id) ON DELETE CASCADE,
    date        date        NOT NULL,
    content     bytea       NOT NULL,
    uploaded_at timestamptz NOT NULL
);
CREATE INDEX class_photo_class_idx ON class_photo (class_id, date);
