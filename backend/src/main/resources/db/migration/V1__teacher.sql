-- Teachers own everything else: other tables reference teacher(id) ON DELETE CASCADE, so deleting this row erases
-- the account's classes, students, faces and attendance.
CREATE TABLE teacher (
    id               uuid PRIMARY KEY,
    email            text        NOT NULL,
    display_name     text        NOT NULL,
    password_hash    text        NOT NULL,
    created_at       timestamptz NOT NULL DEFAULT now(),
    -- Bumped by password change/reset; tokens carry the generation they were issued under.
    token_generation integer     NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX teacher_email_key ON teacher (lower(email));
