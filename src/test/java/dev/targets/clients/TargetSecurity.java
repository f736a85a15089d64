package dev.targets.clients;

import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The four roles of the production sprint plan. Users sign in with HTTP basic, or with a JWT
 * bearer token (when the target was started with an issuer) whose subject is the user name or
 * the OAuth2 client id, mapped to the same roles.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class TargetSecurity {

  /** User (or client id) to role; passwords are the user name with "-pw". */
  static final Map<String, String> ROLES = Map.of("owner", "OWNER", "admin", "ADMIN", "manager", "MANAGER", "member", "MEMBER");

  @Bean
  UserDetailsService users() {
    InMemoryUserDetailsManager users = new InMemoryUserDetailsManager(ROLES.entrySet().stream()
        .map(e -> User.withUsername(e.getKey()).password("{noop}" + e.getKey() + "-pw").roles(e.getValue()).build())
        .toList());
    // Only the lookup: as a password service the manager would re-hash "{noop}" passwords with
    // BCrypt on first sign-in, and every basic request would then pay ~100 ms of hashing.
    return users::loadUserByUsername;
  }

  @Bean
  SecurityFilterChain api(HttpSecurity http, ObjectProvider<JwtDecoder> jwt) throws Exception {
    http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(a -> a.anyRequest().authenticated())
        .httpBasic(Customizer.withDefaults());
    JwtDecoder decoder = jwt.getIfAvailable();
    if (decoder != null) {
      http.oauth2ResourceServer(o -> o.jwt(j -> j.decoder(decoder).jwtAuthenticationConverter(token -> {
        String role = ROLES.get(token.getSubject());
        return new JwtAuthenticationToken(token,
            role == null ? List.of() : List.of(new SimpleGrantedAuthority("ROLE_" + role)), token.getSubject());
      })));
    }
    return http.build();
  }
}
