package org.rollcall.face;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.BindHandler;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.handler.NoUnboundElementsBindHandler;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertiesPropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/** The face settings as the Binder fills them from face-defaults.properties and overrides. */
class FaceEngineSettingsTest {

    private final Properties shipped = FaceEngineSettings.shippedDefaults();

    @Test
    void everyShippedKeyIsASettingAndEverySettingHasAShippedValue() {
        // fails on a key in the properties file that no record component reads (a typo, a removed setting)
        FaceEngineSettings settings = new Binder(new MapConfigurationPropertySource(shipped))
                .bind(
                        FaceEngineSettings.PREFIX,
                        Bindable.of(FaceEngineSettings.class),
                        new NoUnboundElementsBindHandler(BindHandler.DEFAULT))
                .get();

        assertThat(settings).isEqualTo(FaceEngineSettings.defaults());
        assertThat(settings.detection().minScore()).isEqualTo(value("detector-min-score"));
        assertThat(settings.gate().maxYawDeg()).isEqualTo(value("enrol-max-yaw-deg"));
        assertThat(settings.recognition().mobileFaceNet().impostorStd())
                .isEqualTo(value("fusion.mobilefacenet.impostor-std"));
        assertThat(settings.matching().smallFacePx()).isEqualTo(value("match-small-face-px"));
    }

    @Test
    void aSettingWithoutAValueIsRefusedRatherThanZero() {
        Map<Object, Object> withoutOne = new HashMap<>(shipped);
        withoutOne.remove("rollcall.face.nms-iou");

        assertThatThrownBy(() -> FaceEngineSettings.bind(new Binder(new MapConfigurationPropertySource(withoutOne))))
                .isInstanceOf(BindException.class)
                .hasRootCauseMessage("No value for rollcall.face.nms-iou (face-defaults.properties has every key)");
    }

    @Test
    void theMatcherUsesTheThresholdsOfTheConfiguredRecogniser() {
        FaceEngineSettings dlib = FaceEngineSettings.of(Map.of("rollcall.face.recogniser", "dlib"));

        assertThat(dlib.recognition().recogniser()).isEqualTo(Recogniser.DLIB);
        assertThat(dlib.scores().threshold()).isEqualTo(value("dlib.match-threshold"));
        assertThat(dlib.scores().duplicateThreshold()).isEqualTo(value("dlib.enrol-duplicate-threshold"));
        assertThat(FaceEngineSettings.defaults().scores().threshold()).isEqualTo(value("fused.match-threshold"));
    }

    @Test
    void environmentVariablesOverrideTheShippedDefaultsAsInTheApplication() {
        MutablePropertySources sources = new MutablePropertySources();
        sources.addLast(new SystemEnvironmentPropertySource(
                "env",
                Map.of(
                        "ROLLCALL_FACE_RECOGNISER",
                        "mobilefacenet",
                        "ROLLCALL_FACE_MOBILEFACENET_MATCH_THRESHOLD",
                        "0.7",
                        "ROLLCALL_FACE_ENROL_MAX_YAW_DEG",
                        "20",
                        "ROLLCALL_FACE_FUSION_DLIB_WEIGHT",
                        "0.4",
                        "ROLLCALL_FACE_THREADS",
                        "3")));
        sources.addLast(new PropertiesPropertySource("defaults", shipped));

        FaceEngineSettings settings = FaceEngineSettings.bind(new Binder(ConfigurationPropertySources.from(sources)));

        assertThat(settings.recognition().recogniser()).isEqualTo(Recogniser.MOBILEFACENET);
        assertThat(settings.scores().threshold()).isEqualTo(0.7f);
        assertThat(settings.scores().margin()).isEqualTo(value("mobilefacenet.match-margin"));
        assertThat(settings.gate().maxYawDeg()).isEqualTo(20f);
        assertThat(settings.recognition().dlib().weight()).isEqualTo(0.4f);
        assertThat(settings.threads()).isEqualTo(3);
    }

    @Test
    void zeroThreadsMeansOnePerProcessor() {
        assertThat(FaceEngineSettings.of(Map.of("rollcall.face.threads", "0")).threads())
                .isEqualTo(Runtime.getRuntime().availableProcessors());
    }

    private float value(String key) {
        return Float.parseFloat(shipped.getProperty(FaceEngineSettings.PREFIX + "." + key));
    }
}
