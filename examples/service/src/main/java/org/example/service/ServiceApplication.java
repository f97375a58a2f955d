package org.example.service;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * A service that scores canteens: POST facts to {@code /evaluate}, get the explained result as JSON. The rubric is
 * a folder ({@code rubric.folder}); when its files change the service loads the new version and serves it.
 */
@SpringBootApplication
@EnableScheduling
public class ServiceApplication {

    /**
     * Starts the service.
     *
     * @param args Spring Boot arguments, such as {@code --rubric.folder=rubric --server.port=8080}
     */
    public static void main(String[] args) {
        SpringApplication.run(ServiceApplication.class, args);
    }
}
