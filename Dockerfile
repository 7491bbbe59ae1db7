# Builds and runs the application for production (profile "axonserver"): see docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY . .
RUN ./mvnw --batch-mode --no-transfer-progress -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 peersupport && mkdir -p /var/lib/peersupport && chown peersupport /var/lib/peersupport
# The extracted application (a plain class path); its class-data-sharing archive is made again
# here, because an archive is only valid for the JVM that wrote it. The training start runs on the
# embedded profile with a scratch folder and stops once the context is ready (README, "Run it").
COPY --from=build /src/application/target/app/lib /app/lib
COPY --from=build /src/application/target/app/peersupport.jar /app/peersupport.jar
RUN java -XX:ArchiveClassesAtExit=/app/peersupport.jsa -Dspring.context.exit=onRefresh -jar /app/peersupport.jar \
        --spring.profiles.active=embedded --peersupport.data-dir=/tmp/cds-training --peersupport.demo.enabled=false \
        --logging.level.root=ERROR --spring.main.banner-mode=off \
    && rm -rf /tmp/cds-training
USER peersupport
ENV SPRING_PROFILES_ACTIVE=axonserver
EXPOSE 8080
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-XX:SharedArchiveFile=/app/peersupport.jsa", "-jar", "/app/peersupport.jar"]
