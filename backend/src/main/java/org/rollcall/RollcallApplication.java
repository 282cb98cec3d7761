package org.rollcall;

import java.util.Arrays;
import org.rollcall.face.cli.FaceCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class RollcallApplication {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("face")) {
            // the face command line: the engine alone, no Spring context, database or web server
            System.exit(new FaceCli(System.out, System.err).run(Arrays.copyOfRange(args, 1, args.length)));
        }
        SpringApplication.run(RollcallApplication.class, args);
    }
}
