package org.rollcall.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs and Swagger UI at /swagger-ui.html; "Authorize" takes the access token. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info = @Info(title = "Rollcall API", version = "0.1.0",
                description = "Face-based classroom attendance. Errors are application/problem+json with a stable `code`."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class OpenApiConfiguration {

    static {
        // Filled from the bearer token, not a request parameter: keep it out of the document.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentTeacher.class);
    }
}
