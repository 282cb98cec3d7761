package org.rollcall.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors that never reach Spring MVC's advice are problem+json too: those Tomcat answers itself (an address it cannot
 * parse, a bad header: its ErrorReportValve used to write an HTML page) and those forwarded to /error (failures in
 * servlet filters, sendError). No class names, no server version, a sentence and a stable code.
 */
@Configuration(proxyBeanMethods = false)
class ContainerErrors {

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemJsonErrorReports() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
                // Spring Boot adds Tomcat's own valve (without stack traces) too; ours must be the one that answers.
                for (var valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof ProblemErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemErrorReportValve());
            }
        });
    }

    static String detailFor(int status) {
        return switch (status) {
            case 400 -> "The request could not be understood (for example a malformed address or header).";
            case 404 -> "There is nothing at this address.";
            case 405 -> "This address does not accept that kind of request.";
            case 413 -> "The request is too large.";
            case 414 -> "The address is too long.";
            case 431 -> "The request headers are too large.";
            case 503 -> "Rollcall is busy or being updated; try again shortly.";
            default -> status >= 500 ? "Something went wrong on our side." : "The request could not be handled.";
        };
    }

    /** Tomcat's error page, as problem+json. Public with a no-argument constructor: Tomcat may create it by name. */
    public static class ProblemErrorReportValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatusCode code = HttpStatusCode.valueOf(status);
            String body = "{\"type\":\"about:blank\",\"title\":\"" + title(code) + "\",\"status\":" + status
                    + ",\"detail\":\"" + detailFor(status) + "\",\"code\":\""
                    + ErrorCode.forStatus(status).code()
                    + "\"}";
            try {
                response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
                response.setCharacterEncoding("UTF-8");
                response.setHeader("Cache-Control", "no-store");
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException e) {
                // the connection is gone or the response was already sent: nothing more can be said
            }
        }

        private static String title(HttpStatusCode code) {
            HttpStatus known = HttpStatus.resolve(code.value());
            return known == null ? "Error" : known.getReasonPhrase();
        }
    }

    /** Replaces Spring Boot's BasicErrorController, whose JSON is not problem+json. */
    @RestController
    static class ProblemErrorController implements ErrorController {

        @RequestMapping("${server.error.path:${error.path:/error}}")
        ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
            Object attribute = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
            int status = attribute instanceof Integer value && value >= 400 ? value : 500;
            HttpStatusCode code = HttpStatusCode.valueOf(status);
            return ResponseEntity.status(code)
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .header("Cache-Control", "no-store")
                    .body(Problems.of(code, ErrorCode.forStatus(status), detailFor(status)));
        }
    }
}
