package org.rollcall.classes;

import org.rollcall.account.TeacherRegistered;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Gives every new account a class to start with, inside the registration transaction: an account never exists
 * without it.
 */
@Component
class FirstClassOnRegistration {

    static final String FIRST_CLASS_NAME = "My first class";

    private final ClassService classes;

    FirstClassOnRegistration(ClassService classes) {
        this.classes = classes;
    }

    @EventListener
    void on(TeacherRegistered event) {
        classes.create(event.teacherId(), FIRST_CLASS_NAME, null);
    }
}
