package org.rollcall.web;

import io.lettuce.core.RedisException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.rollcall.face.FaceRejectedException;
import org.rollcall.face.RejectReason;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every failure into application/problem+json with a stable {@code code}. Client mistakes are 4xx with a
 * sentence naming what was wrong; an unreachable Redis or PostgreSQL is 503; only real bugs are 500.
 */
@RestControllerAdvice
class GlobalExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    private final MultipartProperties multipart;

    GlobalExceptionHandler(MultipartProperties multipart) {
        this.multipart = multipart;
    }

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> handleApiException(ApiException e) {
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(e.status());
        if (e instanceof RetryLater limited) {
            answer.header(HttpHeaders.RETRY_AFTER, Long.toString(limited.retryAfterSeconds()));
        }
        if (e.status().is5xxServerError()) {
            log.warn("{}: {}", e.code(), e.getMessage(), e.getCause());
        }
        return answer.body(Problems.of(e));
    }

    @ExceptionHandler(FaceRejectedException.class)
    ResponseEntity<ProblemDetail> handleFaceRejected(FaceRejectedException e) {
        HttpStatus status = e.reason() == RejectReason.IMAGE_TOO_LARGE
                ? HttpStatus.CONTENT_TOO_LARGE : HttpStatus.UNPROCESSABLE_CONTENT;
        ProblemDetail problem = Problems.of(status, e.reason().name(), e.getMessage());
        if (!e.faces().isEmpty()) {
            // MULTIPLE_FACES: the boxes let the client ask which face is the student's (face=N)
            problem.setProperty("faces", e.faces());
        }
        return ResponseEntity.status(status).body(problem);
    }

    /* A Bucket4j timeout: Redis answered too slowly for a throttle; fail closed like an unreachable Redis. */
    // a transaction whose connection died with PostgreSQL cannot even roll back: the service is unavailable too
    @ExceptionHandler({DataAccessResourceFailureException.class, QueryTimeoutException.class,
            org.springframework.transaction.TransactionSystemException.class,
            org.springframework.transaction.CannotCreateTransactionException.class,
            RedisSystemException.class, RedisException.class, io.github.bucket4j.TimeoutException.class})
    ResponseEntity<ProblemDetail> handleUnavailable(Exception e) {
        log.warn("Backing service unavailable: {}", e.toString());
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE,
                "SERVICE_UNAVAILABLE", "A service Rollcall depends on is unreachable; try again shortly."));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        log.error("Unexpected failure", e);
        return ResponseEntity.internalServerError().body(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR,
                "INTERNAL_ERROR", "Something went wrong on our side."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
                .toList();
        String detail = e.getBindingResult().getFieldErrors().stream()
                .map(GlobalExceptionHandler::describe)
                .collect(Collectors.joining("; "));
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED",
                detail.isEmpty() ? "The request is invalid." : detail);
        problem.setProperty("errors", errors);
        return ResponseEntity.badRequest().body(problem);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String detail = e.getParameterValidationResults().stream()
                .map(result -> Problems.fieldLabel(result.getMethodParameter().getParameterName()) + " " + result.getResolvableErrors()
                        .stream().map(error -> String.valueOf(error.getDefaultMessage()))
                        .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; "));
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", detail));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The body limit fires while the JSON is being read, so it arrives wrapped in the reader's exception.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return ResponseEntity.status(api.status()).body(Problems.of(api));
            }
        }
        return ResponseEntity.badRequest().body(describeUnreadable(e));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() == null ? "a parameter" : "'" + e.getPropertyName() + "'";
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
                "The value of " + name + " is not valid."));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> tooMany = tooManyParts(e);
        if (tooMany != null) {
            return tooMany;
        }
        if (hasCause(e, SizeLimitExceededException.class)) {
            return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                    "PAYLOAD_TOO_LARGE", "The upload is too large: at most " + multipart.getMaxRequestSize()
                            .toMegabytes() + " MB in one request. Send the photos in several goes."));
        }
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                "IMAGE_TOO_LARGE", "The upload is too large: at most " + multipart.getMaxFileSize().toMegabytes()
                        + " MB per photo."));
    }

    /** A multipart body that cannot be parsed (size limits are handled above). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> handleBrokenMultipart(MultipartException e) {
        ResponseEntity<Object> tooMany = tooManyParts(e);
        if (tooMany != null) {
            return tooMany;
        }
        return ResponseEntity.badRequest().body(Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_MULTIPART",
                "The multipart request could not be read."));
    }

    /* Tomcat counts the parts of a multipart body (server.tomcat.max-part-count); Spring reports it as a size. */
    private static ResponseEntity<Object> tooManyParts(Exception e) {
        if (!hasCause(e, FileCountLimitExceededException.class)) {
            return null;
        }
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(Problems.of(HttpStatus.CONTENT_TOO_LARGE,
                "TOO_MANY_PARTS", "The request has too many parts: send at most 10 photos at once."));
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }

    /** Gives every status-only answer Spring MVC produces (404, 405, 415 …) a code. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty(Problems.CODE, Problems.codeFor(status));
        } else if (body == null) {
            body = Problems.of(status, Problems.codeFor(status), e.getMessage());
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static ProblemDetail describeUnreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return Problems.of(HttpStatus.BAD_REQUEST, "UNKNOWN_FIELD",
                    "Unknown field '" + unknown.getPropertyName() + "'.");
        }
        if (cause instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            return Problems.of(HttpStatus.BAD_REQUEST, "INVALID_VALUE",
                    "Field '" + fieldPath(mismatch) + "' has a value of the wrong type.");
        }
        if (cause instanceof JacksonException) {
            return Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "The request body is not valid JSON.");
        }
        return Problems.of(HttpStatus.BAD_REQUEST, "MALFORMED_JSON", "The request body is missing or unreadable.");
    }

    private static String fieldPath(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String describe(FieldError error) {
        return Problems.fieldLabel(error.getField()) + " " + error.getDefaultMessage();
    }
}
