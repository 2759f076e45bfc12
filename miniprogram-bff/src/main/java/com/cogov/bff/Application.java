package com.cogov.bff;

import io.micronaut.runtime.Micronaut;
import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.servers.Server;

@OpenAPIDefinition(
        // Relative: the document is served by, and generated clients call, the app's own origin in each environment.
        servers = @Server(url = "/", description = "This app's origin (local: http://localhost:8080)"),
        info =
                @Info(
                        title = "cogov-miniprogram-bff",
                        version = "1.0",
                        license =
                                @License(
                                        name = "Proprietary: for the city's regulator and its contracted front ends",
                                        url = "https://cogov.example/terms"),
                        description =
                                "WeChat mini-programs: pharmacy clerks and managers, district inspectors, the public. Errors are RFC 9457 application/problem+json with a stable code."))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT")
public class Application {

    public static void main(String[] args) {
        Micronaut.build(args).mainClass(Application.class).banner(false).start();
    }
}
