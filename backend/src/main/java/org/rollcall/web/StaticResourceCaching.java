package org.rollcall.web;

import java.time.Duration;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.CacheControl;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets browsers keep the browser app's heavy files: otherwise Spring Security's default "no-cache, no-store"
 * makes every page load fetch the scripts and the face-model weights again. HTML pages keep that default, so a
 * new release is picked up at once.
 */
@Configuration(proxyBeanMethods = false)
class StaticResourceCaching implements WebMvcConfigurer {

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        // Vite puts a content hash in every file name under assets/: a changed file is a new URL.
        registry.addResourceHandler("/assets/**")
                .addResourceLocations("classpath:/static/assets/")
                .setCacheControl(
                        CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable());
        // Model weights and WASM keep their names across releases: cached for a day, then revalidated.
        registry.addResourceHandler("/models/**")
                .addResourceLocations("classpath:/static/models/")
                .setCacheControl(CacheControl.maxAge(Duration.ofDays(1)).cachePublic());
    }
}
