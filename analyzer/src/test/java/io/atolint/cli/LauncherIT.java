package io.atolint.cli;

import io.atolint.testing.Repo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ./atolint launcher in a released layout (the launcher beside atolint.jar, no source tree): its
 * start-up settings (C1 only, serial collector, class-data-sharing archive, made by the first scan and
 * used by the next) never change a byte of a report, compared with a plain {@code java -jar}. Runs
 * after {@code package}.
 */
class LauncherIT {
    private static final Path JAR = Repo.path("analyzer/target/atolint.jar");
    private static final String[] SCAN = {"scan", Repo.path("fixtures/demo").toString(), "--region", "us-east-1",
            "--format", "json", "--fail-on", "critical"};

    private static byte[] stdout(List<String> command) throws IOException, InterruptedException {
        return stdout(command, null);
    }

    /** The standard output of a run, with {@code javaHome} as JAVA_HOME (null: the environment's). */
    private static byte[] stdout(List<String> command, Path javaHome) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().remove("ATOLINT_JAVA_OPTS");
        pb.environment().remove("ATOLINT_JAR");
        if (javaHome != null) {
            pb.environment().put("JAVA_HOME", javaHome.toString());
        }
        Path out = Files.createTempFile("launcher-out", ".json");
        pb.redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), "exit code of " + command);
        return Files.readAllBytes(out);
    }

    private static List<String> command(String first, String... args) {
        List<String> c = new ArrayList<>(List.of(first.split(" ")));
        c.addAll(Arrays.asList(args));
        return c;
    }

    @Test
    void startUpSettingsAndTheArchiveNeverChangeTheReport(@TempDir Path tmp) throws Exception {
        assertTrue(Files.isRegularFile(JAR), "packaged before the integration tests: " + JAR);
        Path released = Files.createDirectories(tmp.resolve("atolint"));
        Files.copy(JAR, released.resolve("atolint.jar"));
        Files.copy(Repo.path("atolint"), released.resolve("atolint"), StandardCopyOption.COPY_ATTRIBUTES);
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();

        byte[] plain = stdout(command(javaBin + " -jar " + JAR, SCAN));
        byte[] first = stdout(command("bash " + released.resolve("atolint"), SCAN));
        Path archive = released.resolve("atolint.jsa");
        assertTrue(Files.size(archive) > 0, "the first scan writes the archive beside the jar");
        byte[] second = stdout(command("bash " + released.resolve("atolint"), SCAN));
        assertTrue(plain.length > 1000);
        assertArrayEquals(plain, first, "C1 only and the serial collector change nothing");
        assertArrayEquals(plain, second, "the class-data-sharing archive changes nothing");

        // a rebuilt jar makes the archive stale: it is made again, never used for another jar
        java.nio.file.attribute.FileTime made = Files.getLastModifiedTime(archive);
        Thread.sleep(1100);
        Files.setLastModifiedTime(released.resolve("atolint.jar"), java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis()));
        byte[] third = stdout(command("bash " + released.resolve("atolint"), SCAN));
        assertArrayEquals(plain, third);
        assertTrue(Files.getLastModifiedTime(archive).compareTo(made) > 0
                && Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(released.resolve("atolint.jar"))) > 0,
                "the stale archive was made again for the new jar");

        // another JVM refuses an archive it did not make, without a word: the launcher makes it again
        Path otherJvm = Files.createDirectories(tmp.resolve("other-jvm/bin"));
        Files.writeString(otherJvm.resolve("java"), "#!/usr/bin/env bash\nexec '" + javaBin + "' \"$@\"\n");
        assertTrue(otherJvm.resolve("java").toFile().setExecutable(true));
        Files.writeString(otherJvm.getParent().resolve("release"), "JAVA_VERSION=\"17\"\nJAVA_RUNTIME_VERSION=\"17-other-build\"\n");
        java.nio.file.attribute.FileTime before = Files.getLastModifiedTime(archive);
        Thread.sleep(1100);
        byte[] fourth = stdout(command("bash " + released.resolve("atolint"), SCAN), otherJvm.getParent());
        assertArrayEquals(plain, fourth);
        assertTrue(Files.getLastModifiedTime(archive).compareTo(before) > 0, "the archive was made again for the other JVM");
        assertEquals(List.of(released.resolve("atolint.jar").toString(), "\"17-other-build\""),
                Files.readAllLines(released.resolve("atolint.jsa.key")), "the key names the jar and the JVM");
    }

    @Test
    void aDeeplyNestedFileReadsTheSameOnEveryThreadAndWithAnyMainThreadStack(@TempDir Path tmp) throws Exception {
        // 3,000 nested conditions: deeper than a 1 MB stack holds, well within the scan threads' 16 MB
        String[] scan = {"scan", Repo.path("fixtures/hostile/cfn-long-if-chain").toString(), "--region", "us-east-1",
                "--format", "json", "--fail-on", "critical"};
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Files.copy(JAR, tmp.resolve("atolint.jar"));
        Files.copy(Repo.path("atolint"), tmp.resolve("atolint"), StandardCopyOption.COPY_ATTRIBUTES);
        byte[] launcher = stdout(command("bash " + tmp.resolve("atolint"), scan));
        assertTrue(!new String(launcher, java.nio.charset.StandardCharsets.UTF_8).contains("StackOverflow"),
                "the launcher's run reads the file");
        for (String threads : List.of("1", "2")) {
            byte[] plain = stdout(command(javaBin + " -Xss1m -Datolint.threads=" + threads + " -jar " + JAR, scan));
            assertArrayEquals(launcher, plain, "a plain java -jar with " + threads + " thread(s) and 1 MB stacks");
        }
    }

    @Test
    void aHeapTooSmallEndsWithOneClearMessage(@TempDir Path tmp) throws Exception {
        Path big = Files.createDirectories(tmp.resolve("big"));
        for (int i = 0; i < 8; i++) {
            Files.writeString(big.resolve("platform" + i + ".yaml"), io.atolint.testing.SyntheticArchitecture.of(4, 14));
        }
        ProcessBuilder pb = new ProcessBuilder("bash", Repo.path("atolint").toString(), "scan", big.toString());
        pb.environment().put("ATOLINT_JAR", JAR.toString());
        pb.environment().put("ATOLINT_JAVA_OPTS", "-Xmx16m");
        Path err = tmp.resolve("err.txt");
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        Process p = pb.start();
        assertTrue(p.waitFor(5, TimeUnit.MINUTES));
        String message = Files.readString(err);
        assertEquals(Cli.ERROR, p.exitValue(), message);
        assertTrue(message.startsWith("atolint: out of memory: the scan needs more than the Java heap limit of "), message);
        assertTrue(message.contains("ATOLINT_JAVA_OPTS=-Xmx"), "it says how to raise the limit: " + message);
        assertEquals(1, message.strip().lines().count(), "one line, no stack trace: " + message);
    }
}
