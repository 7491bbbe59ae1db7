package org.peersupport.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The embedded profile's demo users (application-embedded.yml). */
@ConfigurationProperties("peersupport.security.demo")
record DemoUsers(List<DemoUser> users) {

    DemoUsers {
        users = users == null ? List.of() : List.copyOf(users);
    }

    record DemoUser(String username, String password, String role) {
    }
}
