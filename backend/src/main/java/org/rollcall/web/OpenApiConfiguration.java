package org.rollcall.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import java.util.List;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI document at /v3/api-docs and Swagger UI at /swagger-ui.html; "Authorize" takes the access token. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Rollcall API",
                        version = "0.1.0",
                        description =
                                "Face-based classroom attendance. Errors are application/problem+json with a stable `code`."),
        security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
class OpenApiConfiguration {

    static {
        // Filled from the bearer token, not a request parameter: keep it out of the document.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentTeacher.class);
    }

    /** {@link PublicEndpoints} need no token: an empty requirement overrides the document's bearer default. */
    @Bean
    OpenApiCustomizer publicEndpointsNeedNoToken() {
        return openApi -> PublicEndpoints.ALL.forEach(open -> {
            PathItem path =
                    openApi.getPaths() == null ? null : openApi.getPaths().get(open.path());
            Operation operation = path == null
                    ? null
                    : path.readOperationsMap()
                            .get(PathItem.HttpMethod.valueOf(open.method().name()));
            if (operation != null) {
                operation.setSecurity(List.of());
            }
        });
    }
}
