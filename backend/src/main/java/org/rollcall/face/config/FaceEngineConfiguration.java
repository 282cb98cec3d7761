package org.rollcall.face.config;

import org.rollcall.face.FaceEngineSettings;
import org.rollcall.face.OnnxFaceEngine;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.core.env.Environment;

/**
 * The application's face engine: one per application context, built at start-up (model checksums, conversion and
 * ONNX Runtime sessions take about a second) and closed with the context. Settings are {@code rollcall.face.*}
 * (application.yml, environment variables such as {@code ROLLCALL_FACE_FUSED_MATCH_THRESHOLD}) over the shipped
 * defaults, {@code face-defaults.properties} (the same file the face CLI reads), bound onto
 * {@link FaceEngineSettings}.
 */
@Configuration(proxyBeanMethods = false)
@PropertySource("classpath:org/rollcall/face/face-defaults.properties")
public class FaceEngineConfiguration {

    @Bean
    FaceEngineSettings faceEngineSettings(Environment environment) {
        return FaceEngineSettings.bind(Binder.get(environment));
    }

    @Bean(destroyMethod = "close")
    OnnxFaceEngine faceEngine(FaceEngineSettings settings) {
        return new OnnxFaceEngine(settings);
    }
}
