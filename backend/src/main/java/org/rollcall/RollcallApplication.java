package org.rollcall;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RollcallApplication {

    public static void main(String[] args) {
        SpringApplication.run(RollcallApplication.class, args);
    }
}
