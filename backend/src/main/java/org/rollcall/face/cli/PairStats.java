package org.rollcall.face.cli;

import java.util.Arrays;

/** Verification statistics over scored pairs: the LFW 10-fold protocol and true-accept rate at a false-accept rate. */
final class PairStats {

    record Folds(double meanAccuracy, double stdAccuracy, double meanThreshold) {}

    private PairStats() {}

    /** Pairs are in folds of equal size (LFW: 10 folds); the threshold is fit on nine folds, tested on the tenth. */
    static Folds tenFold(double[] scores, boolean[] same, int folds) {
        int n = scores.length;
        int foldSize = n / folds;
        double[] accuracy = new double[folds];
        double thresholdSum = 0;
        for (int f = 0; f < folds; f++) {
            int from = f * foldSize;
            int to = f == folds - 1 ? n : from + foldSize;
            double[] trainScores = new double[n - (to - from)];
            boolean[] trainSame = new boolean[trainScores.length];
            for (int i = 0, k = 0; i < n; i++) {
                if (i < from || i >= to) {
                    trainScores[k] = scores[i];
                    trainSame[k++] = same[i];
                }
            }
            double t = bestThreshold(trainScores, trainSame);
            thresholdSum += t;
            int correct = 0;
            for (int i = from; i < to; i++) {
                if ((scores[i] >= t) == same[i]) {
                    correct++;
                }
            }
            accuracy[f] = (double) correct / (to - from);
        }
        double mean = Arrays.stream(accuracy).average().orElse(0);
        double variance =
                Arrays.stream(accuracy).map(a -> (a - mean) * (a - mean)).sum() / folds;
        return new Folds(mean, Math.sqrt(variance), thresholdSum / folds);
    }

    /** The threshold with the best accuracy (midpoint between neighbouring scores). */
    static double bestThreshold(double[] scores, boolean[] same) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        double best = sorted[0] - 1e-6;
        int bestCorrect = -1;
        for (int i = 0; i <= sorted.length; i++) {
            double t = i == 0
                    ? sorted[0] - 1e-6
                    : i == sorted.length ? sorted[i - 1] + 1e-6 : (sorted[i - 1] + sorted[i]) / 2;
            int correct = 0;
            for (int k = 0; k < scores.length; k++) {
                if ((scores[k] >= t) == same[k]) {
                    correct++;
                }
            }
            if (correct > bestCorrect) {
                bestCorrect = correct;
                best = t;
            }
        }
        return best;
    }

    /** The lowest threshold whose false-accept rate on the impostor scores is at most {@code far}. */
    static double thresholdAtFar(double[] impostors, double far) {
        double[] sorted = impostors.clone();
        Arrays.sort(sorted);
        int allowed = (int) Math.floor(far * sorted.length);
        // accept score >= t; at most `allowed` impostors may reach t
        return sorted.length == 0 ? 0 : Math.nextUp(sorted[sorted.length - 1 - allowed]);
    }

    static double acceptRate(double[] scores, double threshold) {
        return scores.length == 0
                ? 0
                : (double) Arrays.stream(scores).filter(s -> s >= threshold).count() / scores.length;
    }

    /** Every same-person pair against every different-person pair of a set of images. */
    record AllPairs(
            int genuine,
            int impostor,
            double eer,
            double tarAt1e3,
            double tarAt1e4,
            double dPrime,
            double impostorMean,
            double impostorStd) {}

    static AllPairs allPairs(double[] genuine, double[] impostor) {
        double[] g = genuine.clone();
        double[] imp = impostor.clone();
        Arrays.sort(g);
        Arrays.sort(imp);
        // EER: walk the thresholds at the genuine scores; FRR rises, FAR falls
        double eer = 1;
        int k = 0;
        for (int i = 0; i < g.length; i++) {
            double t = g[i];
            while (k < imp.length && imp[k] < t) {
                k++;
            }
            double frr = (double) i / g.length;
            double far = (double) (imp.length - k) / imp.length;
            eer = Math.min(eer, Math.max(frr, far));
        }
        return new AllPairs(
                g.length,
                imp.length,
                eer,
                acceptRate(g, thresholdAtFar(imp, 1e-3)),
                acceptRate(g, thresholdAtFar(imp, 1e-4)),
                dPrime(g, imp),
                mean(imp),
                Math.sqrt(variance(imp)));
    }

    private static double mean(double[] x) {
        return Arrays.stream(x).average().orElse(0);
    }

    private static double variance(double[] x) {
        double m = mean(x);
        return Arrays.stream(x).map(v -> (v - m) * (v - m)).average().orElse(0);
    }

    private static double dPrime(double[] g, double[] imp) {
        return (mean(g) - mean(imp)) / Math.sqrt((variance(g) + variance(imp)) / 2);
    }
}
