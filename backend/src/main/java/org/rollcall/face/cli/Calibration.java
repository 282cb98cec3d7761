package org.rollcall.face.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleBiFunction;

/**
 * Suggests the matcher's threshold and margin from photos grouped by person. Scores compare as attendance does: an
 * enrolled photo's embedding (enrolment chips) against another photo's embedding as a face of a class photo. The
 * threshold is the lowest score whose false-accept rate over all impostor pairs is within the target. The margin is
 * chosen by leave-one-out identification (each photo a probe, every other photo enrolled; people with a single photo
 * act as strangers): the margin with the lowest cost, where a wrong acceptance (a stranger or the wrong person
 * marked) counts {@value #WRONG_MARK_COST} times a missed correct one.
 */
final class Calibration {

    /**
     * A wrongly marked student costs this many missed ones: the teacher rarely notices a wrong mark but corrects a
     * miss with one click (at 5, lfw-dev got a margin that accepted 0.5 % of probes wrongly; at 50, 0.07 %).
     */
    static final int WRONG_MARK_COST = 50;

    /** One photo embedded both ways. */
    record Photo(float[] enrolled, float[] inClassPhoto) {}

    record Result(
            double threshold,
            double far,
            double tar,
            double margin,
            int genuinePairs,
            int impostorPairs,
            double identificationCorrect,
            double identificationWrong) {}

    /** No score: below any score of any scale. */
    private static final double NONE = Double.NEGATIVE_INFINITY;

    private Calibration() {}

    /** @param score the engine's score of a probe embedding against an enrolled one ({@code FaceEngine#score}) */
    static Result suggest(List<List<Photo>> people, double targetFar, ToDoubleBiFunction<float[], float[]> score) {
        List<Double> genuine = new ArrayList<>();
        List<Double> impostor = new ArrayList<>();
        for (int p = 0; p < people.size(); p++) {
            List<Photo> a = people.get(p);
            for (int i = 0; i < a.size(); i++) {
                for (int j = i + 1; j < a.size(); j++) {
                    genuine.add(
                            score.applyAsDouble(a.get(i).enrolled(), a.get(j).inClassPhoto()));
                }
                for (int q = p + 1; q < people.size(); q++) {
                    for (Photo other : people.get(q)) {
                        impostor.add(score.applyAsDouble(a.get(i).enrolled(), other.inClassPhoto()));
                    }
                }
            }
        }
        double[] imp = impostor.stream().mapToDouble(Double::doubleValue).toArray();
        double[] gen = genuine.stream().mapToDouble(Double::doubleValue).toArray();
        double threshold = PairStats.thresholdAtFar(imp, targetFar);

        // leave-one-out identification: best score per other person, and for the own person (other photos)
        List<double[]> probes = new ArrayList<>(); // {ownBest, bestOther, secondBestOther}
        for (int p = 0; p < people.size(); p++) {
            for (int i = 0; i < people.get(p).size(); i++) {
                float[] probe = people.get(p).get(i).inClassPhoto();
                double own = NONE;
                for (int j = 0; j < people.get(p).size(); j++) {
                    if (j != i) {
                        own = Math.max(
                                own,
                                score.applyAsDouble(probe, people.get(p).get(j).enrolled()));
                    }
                }
                double best = NONE, second = NONE;
                for (int q = 0; q < people.size(); q++) {
                    if (q == p) {
                        continue;
                    }
                    double s = NONE;
                    for (Photo other : people.get(q)) {
                        s = Math.max(s, score.applyAsDouble(probe, other.enrolled()));
                    }
                    if (s > best) {
                        second = best;
                        best = s;
                    } else if (s > second) {
                        second = s;
                    }
                }
                probes.add(new double[] {own, best, second});
            }
        }
        long genuineProbes = probes.stream().filter(p -> p[0] > NONE).count();
        // margins up to three impostor standard deviations (0.1 for dlib's cosine), in 40 steps on any score scale
        double mean = java.util.Arrays.stream(imp).average().orElse(0);
        double std = Math.sqrt(java.util.Arrays.stream(imp)
                .map(x -> (x - mean) * (x - mean))
                .average()
                .orElse(0));
        double margin = 0;
        double lowest = Double.MAX_VALUE;
        for (int step = 0; step <= 40; step++) {
            double m = step * 3 * std / 40;
            double[] r = identify(probes, threshold, m);
            double cost = WRONG_MARK_COST * r[1] + ((double) genuineProbes / probes.size() - r[0]);
            if (cost < lowest - 1e-12) {
                lowest = cost;
                margin = m;
            }
        }
        double[] chosen = identify(probes, threshold, margin);
        return new Result(
                threshold,
                PairStats.acceptRate(imp, threshold),
                PairStats.acceptRate(gen, threshold),
                margin,
                gen.length,
                imp.length,
                chosen[0],
                chosen[1]);
    }

    /** {correct rate, wrong rate} of accepting the best subject with this threshold and margin. */
    private static double[] identify(List<double[]> probes, double threshold, double margin) {
        int correct = 0, wrong = 0;
        for (double[] p : probes) {
            double own = p[0], best = p[1], second = p[2];
            boolean ownWins = own > best;
            double top = Math.max(own, best);
            double runnerUp = ownWins ? best : Math.max(own, second);
            if (top >= threshold && top - runnerUp >= margin) {
                if (ownWins && own > NONE) {
                    correct++;
                } else {
                    wrong++;
                }
            }
        }
        return new double[] {(double) correct / probes.size(), (double) wrong / probes.size()};
    }
}
