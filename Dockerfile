# atolint in a container: docker build -t atolint . && docker run --rm -v "$PWD:/src" atolint scan /src
# Build stage: Maven builds the self-contained jar. Run stage: a JRE, the jar and the ./atolint launcher
# (the entry point of the pre-commit hooks too), with the class-data-sharing archive made at image build
# by a scan of the demos, so that a container starts as fast as a local run.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
COPY pom.xml ./
COPY parsers/pom.xml parsers/
COPY analyzer/pom.xml analyzer/
COPY parsers/src parsers/src
COPY analyzer/src analyzer/src
COPY fixtures/demo fixtures/demo
RUN mvn -B -q -DskipTests -Dstyle.color=never package

FROM eclipse-temurin:17-jre
COPY --from=build /build/analyzer/target/atolint.jar /opt/atolint/atolint.jar
COPY atolint /opt/atolint/atolint
COPY --from=build /build/fixtures/demo /tmp/demo
# the first scan writes /opt/atolint/atolint.jsa for this jar at this path
RUN /opt/atolint/atolint scan /tmp/demo --fail-on critical > /dev/null && rm -rf /tmp/demo \
    && test -s /opt/atolint/atolint.jsa
WORKDIR /src
ENTRYPOINT ["/opt/atolint/atolint"]
CMD ["--help"]
