# Builds and runs the application for production (profile "axonserver"): see docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw --batch-mode --no-transfer-progress -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 peersupport && mkdir -p /var/lib/peersupport && chown peersupport /var/lib/peersupport
COPY --from=build /src/application/target/peersupport.jar /app/peersupport.jar
USER peersupport
ENV SPRING_PROFILES_ACTIVE=axonserver
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/peersupport.jar"]
