package org.rollcall.support;

import java.util.HashMap;
import java.util.Map;
import org.rollcall.RollcallApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another running instance of the application (its own context and web server on a free port), for tests about
 * several replicas, local mode or a Redis of their own. Close it at the end of the test.
 */
public final class AppInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final TestApi api;

    private AppInstance(ConfigurableApplicationContext context) {
        this.context = context;
        this.api = TestApi.forPort(context.getEnvironment().getRequiredProperty("local.server.port", Integer.class));
    }

    /** An instance on the shared test services, with {@code overrides} on top. */
    public static AppInstance onSharedServices(Map<String, Object> overrides) {
        Map<String, Object> properties = new HashMap<>(TestServices.shared().applicationProperties());
        properties.putAll(overrides);
        return start(properties);
    }

    /** An instance configured by {@code properties} only (plus application.yml). */
    public static AppInstance start(Map<String, Object> properties) {
        Map<String, Object> all = new HashMap<>(properties);
        all.put("server.port", "0");
        // As command-line arguments: they outrank application.yml (plain default properties would not).
        String[] arguments = all.entrySet().stream()
                .map(entry -> "--" + entry.getKey() + "=" + entry.getValue())
                .toArray(String[]::new);
        return new AppInstance(new SpringApplicationBuilder(RollcallApplication.class).run(arguments));
    }

    public TestApi api() {
        return api;
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
