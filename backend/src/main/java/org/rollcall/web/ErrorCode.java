package org.rollcall.web;

import org.rollcall.face.RejectReason;
import org.springframework.http.HttpStatus;

/**
 * Every {@code code} an error answer can carry (clients switch on it, so a name never changes once sent), with the
 * status it is sent with and, where every use says the same, the sentence for the teacher. The README's error-code
 * table lists the same codes (ErrorCodeTableTest compares them).
 */
public enum ErrorCode {

    // Requests in general: what Spring MVC, Tomcat and the filters refuse before a feature sees the request.
    /** Bean validation or a hand-written check of a body, parameter or part; the answer lists {@code errors}. */
    VALIDATION_FAILED(HttpStatus.BAD_REQUEST),
    UNKNOWN_FIELD(HttpStatus.BAD_REQUEST),
    INVALID_VALUE(HttpStatus.BAD_REQUEST),
    MALFORMED_JSON(HttpStatus.BAD_REQUEST),
    INVALID_PARAMETER(HttpStatus.BAD_REQUEST),
    INVALID_CHARACTER(HttpStatus.BAD_REQUEST),
    MALFORMED_MULTIPART(HttpStatus.BAD_REQUEST, "The multipart request could not be read."),
    PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    TOO_MANY_PARTS(HttpStatus.CONTENT_TOO_LARGE),
    /** Also the code of any other 4xx that only has a status (414, 431 …): the answer keeps that status. */
    BAD_REQUEST(HttpStatus.BAD_REQUEST),
    UNAUTHORIZED(HttpStatus.UNAUTHORIZED),
    FORBIDDEN(HttpStatus.FORBIDDEN, "You may not do this."),
    NOT_FOUND(HttpStatus.NOT_FOUND),
    METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
    NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
    UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
    TOO_MANY_REQUESTS(HttpStatus.TOO_MANY_REQUESTS),
    SERVICE_UNAVAILABLE(
            HttpStatus.SERVICE_UNAVAILABLE, "A service Rollcall depends on is unreachable; try again shortly."),
    /** Also the code of any other 5xx that only has a status (502, 504 …): the answer keeps that status. */
    INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR, "Something went wrong on our side."),

    // auth and account
    INVALID_CREDENTIALS(HttpStatus.UNAUTHORIZED, "Wrong email or password."),
    SESSION_EXPIRED(HttpStatus.UNAUTHORIZED),
    TOO_MANY_LOGIN_ATTEMPTS(HttpStatus.TOO_MANY_REQUESTS),
    OTP_COOLDOWN(HttpStatus.TOO_MANY_REQUESTS, "A code was sent moments ago; wait before asking again."),
    OTP_HOURLY_LIMIT(HttpStatus.TOO_MANY_REQUESTS),
    INVALID_CODE(HttpStatus.BAD_REQUEST),
    EMAIL_NOT_VERIFIED(HttpStatus.FORBIDDEN),
    EMAIL_TAKEN(HttpStatus.CONFLICT, "An account with this email already exists."),
    WRONG_PASSWORD(HttpStatus.FORBIDDEN, "The password is wrong."),
    PASSWORD_TOO_COMMON(HttpStatus.BAD_REQUEST),
    PASSWORD_TOO_WEAK(HttpStatus.BAD_REQUEST),
    PASSWORD_PERSONAL(HttpStatus.BAD_REQUEST),

    // classes
    CLASS_NOT_FOUND(HttpStatus.NOT_FOUND, "There is no such class."),
    INVALID_TIMEZONE(HttpStatus.BAD_REQUEST),

    // students, their faces, rosters and bulk photos
    STUDENT_NOT_FOUND(HttpStatus.NOT_FOUND, "There is no such student in this class."),
    FACE_NOT_FOUND(HttpStatus.NOT_FOUND),
    ROLL_NO_TAKEN(HttpStatus.CONFLICT),
    PHOTO_REQUIRED(HttpStatus.BAD_REQUEST),
    /** More photos than one marking or enrolment takes. */
    TOO_MANY_PHOTOS(HttpStatus.BAD_REQUEST),
    /** More files than one bulk photo upload takes: the same code, sent as 413 like the upload's other limits. */
    TOO_MANY_PHOTO_FILES("TOO_MANY_PHOTOS", HttpStatus.CONTENT_TOO_LARGE),
    PHOTOS_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    FACE_NEEDS_ONE_PHOTO(HttpStatus.BAD_REQUEST),
    ALREADY_ENROLLED_AS(HttpStatus.UNPROCESSABLE_CONTENT),
    DIFFERENT_FROM_NOT_IN_CLASS(HttpStatus.BAD_REQUEST),
    FACE_MATCHES_OTHER_STUDENT(HttpStatus.CONFLICT),
    FILE_REQUIRED(HttpStatus.BAD_REQUEST),
    ROSTER_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    ROSTER_TOO_MANY_ROWS(HttpStatus.CONTENT_TOO_LARGE),
    ROSTER_UNREADABLE(HttpStatus.UNPROCESSABLE_CONTENT),
    ROSTER_EMPTY(HttpStatus.UNPROCESSABLE_CONTENT),
    ROSTER_COLUMNS_MISSING(HttpStatus.UNPROCESSABLE_CONTENT),
    ROSTER_INVALID(HttpStatus.UNPROCESSABLE_CONTENT),
    ZIP_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    ZIP_TOO_MANY_ENTRIES(HttpStatus.CONTENT_TOO_LARGE),
    ZIP_BOMB(HttpStatus.CONTENT_TOO_LARGE),
    ZIP_UNSAFE_PATH(HttpStatus.UNPROCESSABLE_CONTENT),
    ZIP_NESTED(HttpStatus.UNPROCESSABLE_CONTENT),
    ZIP_UNREADABLE(HttpStatus.UNPROCESSABLE_CONTENT),
    ZIP_EMPTY(HttpStatus.UNPROCESSABLE_CONTENT, "The ZIP holds no photos."),
    ZIP_WITH_OTHER_FILES(HttpStatus.UNPROCESSABLE_CONTENT),

    // photos through the face engine (the engine's RejectReason, see of(RejectReason))
    UNSUPPORTED_IMAGE(HttpStatus.UNPROCESSABLE_CONTENT),
    IMAGE_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
    NO_FACE(HttpStatus.UNPROCESSABLE_CONTENT),
    MULTIPLE_FACES(HttpStatus.UNPROCESSABLE_CONTENT),
    NO_SUCH_FACE(HttpStatus.UNPROCESSABLE_CONTENT),
    FACE_TOO_SMALL(HttpStatus.UNPROCESSABLE_CONTENT),
    NOT_FRONTAL(HttpStatus.UNPROCESSABLE_CONTENT),
    TOO_BLURRY(HttpStatus.UNPROCESSABLE_CONTENT),
    TOO_DARK(HttpStatus.UNPROCESSABLE_CONTENT),
    FACE_WORK_BUSY(HttpStatus.SERVICE_UNAVAILABLE),
    TOO_MANY_MARKINGS(HttpStatus.TOO_MANY_REQUESTS),

    // attendance
    INVALID_RANGE(HttpStatus.BAD_REQUEST),
    DATE_IN_FUTURE(HttpStatus.BAD_REQUEST),
    DATE_TOO_EARLY(HttpStatus.BAD_REQUEST),
    MARKING_NOT_FOUND(HttpStatus.NOT_FOUND, "There is no such marking in this class."),
    MARKING_CLOSED(HttpStatus.GONE);

    private final String code;
    private final HttpStatus status;
    private final String sentence;

    ErrorCode(HttpStatus status) {
        this(null, status, null);
    }

    ErrorCode(HttpStatus status, String sentence) {
        this(null, status, sentence);
    }

    ErrorCode(String code, HttpStatus status) {
        this(code, status, null);
    }

    ErrorCode(String code, HttpStatus status, String sentence) {
        this.code = code == null ? name() : code;
        this.status = status;
        this.sentence = sentence;
    }

    /** What the answer's {@code code} member says: the constant's name unless it shares another's code. */
    public String code() {
        return code;
    }

    public HttpStatus status() {
        return status;
    }

    /** The sentence every use of this code sends, or null when each use words its own. */
    public String sentence() {
        return sentence;
    }

    /** The code of a face engine refusal; a new reason does not compile until it has one. */
    public static ErrorCode of(RejectReason reason) {
        return switch (reason) {
            case UNSUPPORTED_IMAGE -> UNSUPPORTED_IMAGE;
            case IMAGE_TOO_LARGE -> IMAGE_TOO_LARGE;
            case NO_FACE -> NO_FACE;
            case MULTIPLE_FACES -> MULTIPLE_FACES;
            case NO_SUCH_FACE -> NO_SUCH_FACE;
            case FACE_TOO_SMALL -> FACE_TOO_SMALL;
            case NOT_FRONTAL -> NOT_FRONTAL;
            case TOO_BLURRY -> TOO_BLURRY;
            case TOO_DARK -> TOO_DARK;
        };
    }

    /** The code of an answer that only has a status (Spring MVC's 404, 405, 415 …, Tomcat's own errors). */
    public static ErrorCode forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 413 -> PAYLOAD_TOO_LARGE;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 429 -> TOO_MANY_REQUESTS;
            case 503 -> SERVICE_UNAVAILABLE;
            default -> status / 100 == 5 ? INTERNAL_ERROR : BAD_REQUEST;
        };
    }
}
