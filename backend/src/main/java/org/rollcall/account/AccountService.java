package org.rollcall.account;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.rollcall.web.ApiException;
import org.rollcall.web.ErrorCode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Teacher accounts: creation, credential checks, password changes and deletion. Every change that must kill
 * tokens publishes an event inside the database transaction; its listener writes the new token generation to Redis
 * there, so an unreachable Redis rolls the change back (503) instead of leaving old tokens alive.
 */
@Service
public class AccountService {

    private static final String NOT_FOUND = "The account does not exist.";

    private final TeacherRepository teachers;
    private final PasswordEncoder passwordEncoder;
    private final PasswordRules passwordRules;
    private final ApplicationEventPublisher events;
    /** Compared against when the email is unknown, so a login takes as long whether or not the account exists. */
    private final String unknownAccountHash;

    AccountService(
            TeacherRepository teachers,
            PasswordEncoder passwordEncoder,
            PasswordRules passwordRules,
            ApplicationEventPublisher events) {
        this.teachers = teachers;
        this.passwordEncoder = passwordEncoder;
        this.passwordRules = passwordRules;
        this.events = events;
        this.unknownAccountHash = passwordEncoder.encode(UUID.randomUUID().toString());
    }

    /** The caller has checked that the email was verified; publishes TeacherRegistered in this transaction. */
    @Transactional
    public Teacher register(String email, String password, String displayName) {
        passwordRules.requireAcceptable(password, "password", email, displayName);
        Teacher teacher = new Teacher(
                UUID.randomUUID(), email, displayName.strip(), passwordEncoder.encode(password), Instant.now(), 0);
        try {
            teachers.insert(teacher);
        } catch (DuplicateKeyException e) {
            throw new ApiException(ErrorCode.EMAIL_TAKEN);
        }
        events.publishEvent(new TeacherRegistered(teacher.id(), teacher.displayName()));
        return teacher;
    }

    public boolean exists(String email) {
        return teachers.findByEmail(email).isPresent();
    }

    /** Returns the teacher whose credentials these are; the same 401 for an unknown email and a wrong password. */
    public Teacher authenticate(String email, String password) {
        Optional<Teacher> teacher = teachers.findByEmail(email);
        String hash = teacher.map(Teacher::passwordHash).orElse(unknownAccountHash);
        boolean matches = passwordEncoder.matches(password, hash);
        if (teacher.isEmpty() || !matches) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS);
        }
        return teacher.get();
    }

    public AccountResponse get(UUID teacherId) {
        return teachers.findById(teacherId)
                .map(AccountResponse::of)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, NOT_FOUND));
    }

    /** Tokens issued before the change die, except the one of the session that asked for it. */
    @Transactional
    public void changePassword(UUID teacherId, String currentPassword, String newPassword) {
        Teacher teacher = teachers.findByIdForUpdate(teacherId)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, NOT_FOUND));
        requirePassword(teacher, currentPassword);
        setPassword(teacher, newPassword, true);
    }

    /** For a password reset whose code was checked; returns false when no such account exists. */
    @Transactional
    public boolean resetPassword(String email, String newPassword) {
        Optional<Teacher> teacher = teachers.findByEmail(email);
        teacher.ifPresent(found -> setPassword(found, newPassword, false));
        return teacher.isPresent();
    }

    @Transactional
    public void delete(UUID teacherId, String password) {
        Teacher teacher = teachers.findByIdForUpdate(teacherId)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, NOT_FOUND));
        requirePassword(teacher, password);
        teachers.delete(teacher.id());
        events.publishEvent(new TeacherDeleted(teacher.id()));
    }

    private void setPassword(Teacher teacher, String newPassword, boolean keepAskingSession) {
        passwordRules.requireAcceptable(newPassword, "newPassword", teacher.email(), teacher.displayName());
        int generation = teachers.updatePassword(teacher.id(), passwordEncoder.encode(newPassword));
        events.publishEvent(new PasswordChanged(teacher.id(), generation, keepAskingSession));
    }

    private void requirePassword(Teacher teacher, String password) {
        if (!passwordEncoder.matches(password, teacher.passwordHash())) {
            throw new ApiException(ErrorCode.WRONG_PASSWORD);
        }
    }
}
