package org.rollcall.web;

import io.lettuce.core.RedisException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.tomcat.util.http.fileupload.impl.FileCountLimitExceededException;
import org.apache.tomcat.util.http.fileupload.impl.SizeLimitExceededException;
import org.rollcall.face.FaceRejectedException;
import org.rollcall.web.ValidationFailedException.FieldMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.boot.servlet.autoconfigure.MultipartProperties;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.data.redis.RedisSystemException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.method.ParameterValidationResult;
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
        ErrorCode code = ErrorCode.of(e.reason());
        ProblemDetail problem = Problems.of(code, e.getMessage());
        if (!e.faces().isEmpty()) {
            // MULTIPLE_FACES: the boxes let the client ask which face is the student's (face=N)
            problem.setProperty("faces", e.faces());
        }
        return ResponseEntity.status(code.status()).body(problem);
    }

    /* A Bucket4j timeout: Redis answered too slowly for a throttle; fail closed like an unreachable Redis. */
    // a transaction whose connection died with PostgreSQL cannot even roll back: the service is unavailable too
    @ExceptionHandler({
        DataAccessResourceFailureException.class,
        QueryTimeoutException.class,
        org.springframework.transaction.TransactionSystemException.class,
        org.springframework.transaction.CannotCreateTransactionException.class,
        RedisSystemException.class,
        RedisException.class,
        io.github.bucket4j.TimeoutException.class
    })
    ResponseEntity<ProblemDetail> handleUnavailable(Exception e) {
        log.warn("Backing service unavailable: {}", e.toString());
        return ResponseEntity.status(ErrorCode.SERVICE_UNAVAILABLE.status())
                .body(Problems.of(ErrorCode.SERVICE_UNAVAILABLE));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handleUnexpected(Exception e) {
        log.error("Unexpected failure", e);
        return ResponseEntity.internalServerError().body(Problems.of(ErrorCode.INTERNAL_ERROR));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = e.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldMessage(error.getField(), String.valueOf(error.getDefaultMessage())))
                .toList();
        return validationFailed(new ValidationFailedException(errors));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldMessage> errors = new ArrayList<>();
        List<String> perParameter = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String name = result.getMethodParameter().getParameterName();
            List<String> messages = result.getResolvableErrors().stream()
                    .map(error -> String.valueOf(error.getDefaultMessage()))
                    .toList();
            messages.forEach(message -> errors.add(new FieldMessage(name, message)));
            perParameter.add(Problems.fieldLabel(name) + " " + String.join(", ", messages));
        }
        return validationFailed(new ValidationFailedException(String.join("; ", perParameter), errors));
    }

    private static ResponseEntity<Object> validationFailed(ValidationFailedException e) {
        return answer(Problems.of(e));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        // The body limit fires while the JSON is being read, so it arrives wrapped in the reader's exception.
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiException api) {
                return answer(Problems.of(api));
            }
        }
        return answer(describeUnreadable(e));
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(
            TypeMismatchException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String name = e.getPropertyName() == null ? "a parameter" : "'" + e.getPropertyName() + "'";
        return answer(Problems.of(ErrorCode.INVALID_PARAMETER, "The value of " + name + " is not valid."));
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(
            MaxUploadSizeExceededException e, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ResponseEntity<Object> tooMany = tooManyParts(e);
        if (tooMany != null) {
            return tooMany;
        }
        if (hasCause(e, SizeLimitExceededException.class)) {
            return answer(Problems.of(
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    "The upload is too large: at most "
                            + multipart.getMaxRequestSize().toMegabytes()
                            + " MB in one request. Send the photos in several goes."));
        }
        return answer(Problems.of(
                ErrorCode.IMAGE_TOO_LARGE,
                "The upload is too large: at most " + multipart.getMaxFileSize().toMegabytes() + " MB per photo."));
    }

    /** A multipart body that cannot be parsed (size limits are handled above). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> handleBrokenMultipart(MultipartException e) {
        ResponseEntity<Object> tooMany = tooManyParts(e);
        if (tooMany != null) {
            return tooMany;
        }
        return answer(Problems.of(ErrorCode.MALFORMED_MULTIPART));
    }

    /* Tomcat counts the parts of a multipart body (server.tomcat.max-part-count); Spring reports it as a size. */
    private static ResponseEntity<Object> tooManyParts(Exception e) {
        if (!hasCause(e, FileCountLimitExceededException.class)) {
            return null;
        }
        return answer(Problems.of(
                ErrorCode.TOO_MANY_PARTS, "The request has too many parts: send at most 10 photos at once."));
    }

    /** The answer of a problem, with the problem's status. */
    private static ResponseEntity<Object> answer(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).body(problem);
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
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (body instanceof ProblemDetail problem && problem.getProperties() == null) {
            problem.setProperty(
                    Problems.CODE, ErrorCode.forStatus(status.value()).code());
        } else if (body == null) {
            body = Problems.of(status, ErrorCode.forStatus(status.value()), e.getMessage());
        }
        return super.handleExceptionInternal(e, body, headers, status, request);
    }

    private static ProblemDetail describeUnreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return Problems.of(ErrorCode.UNKNOWN_FIELD, "Unknown field '" + unknown.getPropertyName() + "'.");
        }
        if (cause instanceof MismatchedInputException mismatch
                && !mismatch.getPath().isEmpty()) {
            return Problems.of(
                    ErrorCode.INVALID_VALUE, "Field '" + fieldPath(mismatch) + "' has a value of the wrong type.");
        }
        if (cause instanceof JacksonException) {
            return Problems.of(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON.");
        }
        return Problems.of(ErrorCode.MALFORMED_JSON, "The request body is missing or unreadable.");
    }

    private static String fieldPath(JacksonException e) {
        return e.getPath().stream()
                .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."));
    }
}
