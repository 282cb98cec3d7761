-- The aligned face of each enrolment photo, lossless (PNG of the engine's FaceCrop: dlib's chip grid widened by 30 px):
-- when the recognisers change, stored faces are re-embedded from it at start-up, so no teacher re-enrols. Faces
-- stored before this column have only the JPEG thumbnail of dlib's chip, which the re-embedding uses instead.
ALTER TABLE face ADD COLUMN crop bytea;
-- the re-embedding job looks for faces of another model id
CREATE INDEX face_model_idx ON face (model_id);
