package org.peersupport.security;

import static org.peersupport.security.Roles.AUDITOR;
import static org.peersupport.security.Roles.COORDINATOR;
import static org.peersupport.security.Roles.INTEGRATION;
import static org.peersupport.security.Roles.SAFEGUARDING_LEAD;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may do what, enforced on the server for every endpoint. Embedded profile: HTTP Basic with
 * demo users from configuration. Other profiles: OAuth2/OIDC bearer tokens whose {@code roles}
 * claim carries the role; no built-in passwords exist there.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain api(HttpSecurity http, @Value("${peersupport.security.mode}") String mode) throws Exception {
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(a -> a
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info").permitAll()
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .requestMatchers("/error").permitAll()
                        .requestMatchers("/actuator/prometheus").hasAnyRole(COORDINATOR, AUDITOR, INTEGRATION)
                        .requestMatchers(HttpMethod.GET, "/api/reports/**").hasAnyRole(COORDINATOR, AUDITOR)
                        .requestMatchers("/api/audit/**").hasRole(AUDITOR)
                        .requestMatchers("/api/integration/**").hasRole(INTEGRATION)
                        .requestMatchers("/api/concerns/**").hasRole(SAFEGUARDING_LEAD)
                        .requestMatchers("/api/**").hasRole(COORDINATOR)
                        .anyRequest().denyAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((request, response, ex) -> problem(response, 401,
                                "Authentication required", "Sign in to use this service"))
                        .accessDeniedHandler((request, response, ex) -> problem(response, 403, "Forbidden",
                                "Your role may not do this")));
        if ("basic".equals(mode)) {
            http.httpBasic(basic -> basic.authenticationEntryPoint((request, response, ex) -> {
                response.setHeader("WWW-Authenticate", "Basic realm=\"peersupport\"");
                problem(response, 401, "Authentication required", "Sign in to use this service");
            }));
        } else {
            http.oauth2ResourceServer(o -> o.jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim())));
        }
        return http.build();
    }

    /** Demo users, embedded profile only: their credentials are listed in the README. */
    @Bean
    @Profile("embedded")
    UserDetailsService demoUsers(DemoUsers users) {
        // A low BCrypt cost for demo users: checked on every request, the default (10) costs ~57 ms of
        // CPU each time (measured by the hostile-input test), an easy way to load the server.
        PasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        return new InMemoryUserDetailsManager(users.users().stream()
                .map(u -> User.withUsername(u.username()).password("{bcrypt}" + bcrypt.encode(u.password()))
                        .roles(u.role()).build())
                .toList());
    }

    private static JwtAuthenticationConverter rolesFromClaim() {
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(jwt -> {
            Collection<String> roles = jwt.getClaimAsStringList("roles");
            List<GrantedAuthority> authorities = roles == null ? List.of()
                    : roles.stream().map(r -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + r)).toList();
            return authorities;
        });
        return converter;
    }

    private static void problem(HttpServletResponse response, int status, String title, String detail)
            throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + detail + "\"}");
    }
}
