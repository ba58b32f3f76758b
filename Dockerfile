# Build stage: compile and package the Spring Boot jar (tests run in CI, not here).
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
COPY src/ src/
RUN ./mvnw -B -q -DskipTests package

# Runtime stage: JRE only, unprivileged user.
FROM eclipse-temurin:17-jre
RUN groupadd --system gateway \
 && useradd --system --gid gateway --home-dir /app --no-create-home gateway
WORKDIR /app
COPY --from=build /build/target/persocontact-gateway-0.1.0-SNAPSHOT.jar /app/app.jar
# The app reads Camel YAML routes and mail templates relative to its working directory.
COPY routes/ /app/routes/
COPY mail-templates/ /app/mail-templates/
# Heap, metaspace, code cache and stacks sized so that the JVM stays within 512 MB resident with a
# 25 MB attachment in flight (docs/benchmarks.md, run 11); glibc's per-thread arenas capped likewise.
COPY deploy/jvm.options /app/jvm.options
ENV MALLOC_ARENA_MAX=2
RUN mkdir -p /app/data && chown gateway:gateway /app/data
USER gateway
EXPOSE 8080
VOLUME /app/data
ENTRYPOINT ["java", "@jvm.options", "-jar", "app.jar"]
