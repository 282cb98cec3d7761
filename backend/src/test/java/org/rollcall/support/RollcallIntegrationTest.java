package org.rollcall.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * Boots the whole application on a random port against the shared real services ({@link TestServices}). All
 * classes with this annotation and no other configuration share one cached context. Inject {@link TestApi} to make
 * HTTP calls and create signed-in teachers, {@link MutableClock} to stand the application's clock still.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestServicesInitializer.class)
@Import({TestApi.class, MutableClock.AsTheClock.class})
public @interface RollcallIntegrationTest {}
