package org.rollcall.account;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.matching.match.DictionaryMatch;
import me.gosimple.nbvcxz.matching.match.Match;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;
import me.gosimple.nbvcxz.scoring.Result;
import org.rollcall.web.ApiException;
import org.rollcall.web.ErrorCode;
import org.rollcall.web.Problems;
import org.springframework.stereotype.Component;

/**
 * Length is checked by bean validation on the request records; this refuses passwords that are long enough but easy
 * to guess. The estimate comes from nbvcxz (a zxcvbn-style estimator with 100 000 breached passwords, English words
 * and names, keyboard patterns, repeats, sequences and dates); a password must take at least 2^35 guesses. A password
 * containing the account's email address or name is refused outright: those are the first things an attacker tries.
 */
@Component
public class PasswordRules {

    public static final int MIN_LENGTH = 10;
    public static final int MAX_LENGTH = 128;

    /** Name words shorter than this are too likely to appear by chance inside unrelated words. */
    private static final int MIN_PERSONAL_WORD = 4;

    private static final String ADVICE =
            " Add another uncommon word or two: a few unrelated words are easy to" + " remember and hard to guess.";

    private final Nbvcxz estimator = new Nbvcxz(new ConfigurationBuilder()
            .setMinimumEntropy(35d)
            // The estimate's cost grows with length; nothing longer than our limit is ever accepted anyway.
            .setMaxLength(MAX_LENGTH)
            .setLocale(Locale.ENGLISH)
            .createConfiguration());

    /**
     * @param field       the request field, for the message ("newPassword" reads "New password")
     * @param email       the account's email, or null when not known yet
     * @param displayName the account's name, or null when not known yet
     */
    public void requireAcceptable(String password, String field, String email, String displayName) {
        String label = Problems.fieldLabel(field);
        String lower = password.toLowerCase(Locale.ROOT);
        for (String part : emailParts(email)) {
            if (lower.contains(part)) {
                throw personal(label, "email address");
            }
        }
        for (String part : nameParts(displayName)) {
            if (lower.contains(part)) {
                throw personal(label, "name");
            }
        }
        Result result = estimator.estimate(password);
        if (result.isMinimumEntropyMet()) {
            return;
        }
        if (isOneCommonPassword(result)) {
            throw refused(
                    ErrorCode.PASSWORD_TOO_COMMON,
                    label + " is one of the most common passwords; choose another." + ADVICE);
        }
        throw refused(ErrorCode.PASSWORD_TOO_WEAK, label + " is too easy to guess" + reason(result) + "." + ADVICE);
    }

    /** Mostly a breached password ("Password123"), rather than one built with a common word among others. */
    private static boolean isOneCommonPassword(Result result) {
        int common = 0;
        for (Match match : result.getMatches()) {
            if (match instanceof DictionaryMatch word && "passwords".equals(word.getDictionaryName())) {
                common += match.getLength();
            }
        }
        return common * 2 >= result.getPassword().length();
    }

    /** nbvcxz's warning, in the words of the pages. */
    private static String reason(Result result) {
        String key = result.getFeedback().getWarningKey();
        if (key == null) {
            return "";
        }
        if (key.startsWith("feedback.repeat")) {
            return ": repeated letters or words (like \"aaa\" or \"abcabc\") are guessed quickly";
        }
        if (key.startsWith("feedback.sequence")) {
            return ": sequences like \"abcd\" or \"6543\" are guessed quickly";
        }
        if (key.startsWith("feedback.spatial")) {
            return ": rows of keys like \"qwerty\" are guessed quickly";
        }
        if (key.startsWith("feedback.year") || key.startsWith("feedback.date")) {
            return ": years and dates are guessed quickly";
        }
        if (key.startsWith("feedback.dictionary")) {
            return ": it is built from common passwords or words";
        }
        return "";
    }

    /** The email and its part before the @, lower case. */
    private static List<String> emailParts(String email) {
        List<String> parts = new ArrayList<>();
        if (email != null && !email.isBlank()) {
            String address = email.strip().toLowerCase(Locale.ROOT);
            parts.add(address);
            int at = address.indexOf('@');
            if (at >= MIN_PERSONAL_WORD) {
                parts.add(address.substring(0, at));
            }
        }
        return parts;
    }

    /** The whole name and its longer words, lower case. */
    private static List<String> nameParts(String displayName) {
        List<String> parts = new ArrayList<>();
        if (displayName != null && !displayName.isBlank()) {
            String name = displayName.strip().toLowerCase(Locale.ROOT);
            if (name.length() >= MIN_PERSONAL_WORD) {
                parts.add(name);
            }
            for (String word : name.split("[^\\p{L}\\p{N}]+")) {
                if (word.length() >= MIN_PERSONAL_WORD) {
                    parts.add(word);
                }
            }
        }
        return parts;
    }

    private static ApiException personal(String label, String what) {
        return refused(
                ErrorCode.PASSWORD_PERSONAL,
                label + " must not contain your " + what + ": that is the first thing someone guessing it would try.");
    }

    private static ApiException refused(ErrorCode code, String message) {
        return new ApiException(code, message);
    }
}
