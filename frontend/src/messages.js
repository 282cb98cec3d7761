// Words a teacher understands for the API's stable problem codes. The server's own `detail` is used for codes not
// listed here (e.g. ALREADY_ENROLLED_AS, whose detail names the student; face-capture.js then offers to confirm
// that the photo is somebody else).
const BY_CODE = {
  EMAIL_NOT_VERIFIED: 'Please confirm your email address with the code we sent before creating the account.',
  EMAIL_TAKEN: 'An account with this email address already exists. Sign in, or reset the password if you forgot it.',
  ROLL_NO_TAKEN: 'Another student in this class already has that roll number.',
  NO_FACE: 'We could not find a face in the photo. Take it again facing the camera.',
  MULTIPLE_FACES: 'There is more than one face in the photo. Only the student should be in the picture.',
  FACE_TOO_SMALL: 'The face is too small in the photo. Move closer to the camera.',
  NOT_FRONTAL: 'The student should look straight at the camera.',
  TOO_BLURRY: 'The photo is blurry. Hold the camera still and try again.',
  TOO_DARK: 'The photo is too dark. Find more light and try again.',
  UNSUPPORTED_IMAGE: 'This file is not a photo we can read. Use a JPEG, PNG or WebP image.',
  IMAGE_TOO_LARGE: 'This photo is too large. Use a smaller photo.',
  INVALID_CREDENTIALS: 'The email or password is not right.',
  WRONG_PASSWORD: 'That password is not right.',
};

const BY_STATUS = {
  0: 'Rollcall cannot be reached. Check your internet connection and try again.',
  400: 'Some of the details are not right. Please check them and try again.',
  401: 'Please sign in again.',
  403: 'You are not allowed to do that.',
  404: 'We could not find that. It may have been deleted.',
  409: 'That clashes with something that already exists.',
  413: 'This file is too large.',
  422: 'That could not be used. Please check it and try again.',
  429: 'Too many attempts. Please wait a minute and try again.',
  500: 'Something went wrong on our side. Please try again.',
  502: 'Rollcall is not responding. Please try again in a moment.',
  503: 'Rollcall is busy or being updated. Please try again in a moment.',
  504: 'Rollcall is not responding. Please try again in a moment.',
};

// The server's detail is written for people on client mistakes; "not found" and server failures carry technical
// text, so those get our own sentence.
const DETAIL_IS_FOR_PEOPLE = (status) =>
  status >= 400 && status < 500 && status !== 404 && status !== 405 && status !== 415;

export function teacherMessage({ status, code, detail }) {
  if (BY_CODE[code]) return BY_CODE[code];
  if (detail && DETAIL_IS_FOR_PEOPLE(status)) return detail;
  return BY_STATUS[status] ?? 'Something went wrong. Please try again.';
}
