package org.rollcall.face.model;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The model files the build copies from the pinned npm packages into the jar ({@code models/} on the classpath),
 * each checked against the SHA-256 of the pinned package version before use.
 */
public final class FaceModels {

    public static final String BLAZEFACE_JSON = "blazeface.json";
    public static final String BLAZEFACE_BIN = "blazeface.bin";
    /** Human's MediaPipe face mesh (468 points), the model the browser's live check judges head pose with. */
    public static final String FACEMESH_JSON = "facemesh.json";

    public static final String FACEMESH_BIN = "facemesh.bin";
    public static final String RESNET = "dlib_face_recognition_resnet_model_v1.dat";
    public static final String SHAPE_PREDICTOR = "shape_predictor_5_face_landmarks.dat";
    public static final String MOBILEFACENET = "MobileFaceNet.tflite";
    /** MTCNN's O-Net (same package as MobileFaceNet): the five ArcFace points on a 48x48 face box. */
    public static final String ONET = "onet.tflite";

    private static final Map<String, String> SHA256 = Map.of(
            BLAZEFACE_JSON, "cd7bbfc078270572beb39f9e5ae67aadbd50b5e67cff37e6d4f6b3ea39312e5f",
            BLAZEFACE_BIN, "dc9a97fdc50bc43216554bdd69aa3e7b9361a519ee7bdd996a2f69a98a6f9b72",
            FACEMESH_JSON, "b60ca26f404724f43bd2b1575761d8265180e1f053cc0731caa68462927309e7",
            FACEMESH_BIN, "3826da640b0a3021161605369ee6af293f75d518040355b960ec71a3390c1c0b",
            RESNET, "55533b28a95800a551ba546ba62fe69625c7e95a7061c338adffead08719da30",
            SHAPE_PREDICTOR, "c4b1e9804792707d3a405c2c16a80a20269e6675021f64a41d30fffafbc41888",
            MOBILEFACENET, "d8ba40c0127fb8ca9917e8fddc79bbbda063657bc92a496d34da0bc8a760443b",
            ONET, "946543640bd17e5275f442646422a4816441bb00897439a69bc9ea5fcf1fe601");

    private FaceModels() {}

    /** Reads a model file from the classpath and verifies its checksum. */
    public static byte[] read(String name) {
        String expected = SHA256.get(name);
        if (expected == null) {
            throw new IllegalArgumentException("Unknown model file " + name);
        }
        try (InputStream in = FaceModels.class.getClassLoader().getResourceAsStream("models/" + name)) {
            if (in == null) {
                throw new IllegalStateException("Model file models/" + name
                        + " is not on the classpath; build with Maven so that models/node_modules is copied in");
            }
            byte[] data = in.readAllBytes();
            String actual = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(data));
            if (!actual.equals(expected)) {
                throw new IllegalStateException("Model file " + name + " has SHA-256 " + actual + ", expected "
                        + expected + " (models/package-lock.json pins the packages)");
            }
            return data;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot read model file " + name, e);
        }
    }
}
