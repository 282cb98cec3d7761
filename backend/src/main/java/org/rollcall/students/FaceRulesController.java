package org.rollcall.students;

import org.rollcall.face.FaceEngineSettings;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The enrolment gate's limits as the engine applies them, for the browser's live check: it judges the camera
 * picture with the same numbers instead of copies that drift when an operator changes {@code rollcall.face.*}.
 */
@RestController
class FaceRulesController {

    /**
     * @param gate   what an enrolment photo must show (eye distance in photo pixels, pose in degrees as Human's face
     *               mesh measures it, sharpness and brightness on the server's aligned chip, the size from which a
     *               second face counts)
     * @param upload what one enrolment request may carry
     */
    record FaceRules(FaceEngineSettings.Gate gate, EnrolmentLimits.Upload upload) {}

    private final FaceRules rules;

    FaceRulesController(FaceEngineSettings settings, EnrolmentLimits upload) {
        this.rules = new FaceRules(settings.gate(), upload.limits());
    }

    @GetMapping("/api/face/rules")
    FaceRules rules() {
        return rules;
    }
}
