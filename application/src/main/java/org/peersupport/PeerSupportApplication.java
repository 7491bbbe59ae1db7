package org.peersupport;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The peer support programme service: every module assembled into one application. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PeerSupportApplication {

    public static void main(String[] args) {
        SpringApplication.run(PeerSupportApplication.class, args);
    }
}
