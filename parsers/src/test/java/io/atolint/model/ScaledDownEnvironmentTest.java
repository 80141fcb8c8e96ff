package io.atolint.model;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which box names say "scaled down by design", and which only look as if they did. */
class ScaledDownEnvironmentTest {

    @ParameterizedTest(name = "{1} ''{0}'' -> {2}")
    @CsvSource(delimiter = '|', value = {
            "Staging VPC | VPC | a non-production environment",
            "dev | ACCOUNT | a non-production environment",
            "Test environment | DIAGRAM_GROUP | a non-production environment",
            "Sandbox | DIAGRAM_GROUP | a non-production environment",
            "us-west-2 (DR) | REGION | a recovery site",
            "Pilot light | DIAGRAM_GROUP | a recovery site",
            "Disaster recovery account | ACCOUNT | a recovery site",
            // the languages the reader reads labels in
            "開発環境 | DIAGRAM_GROUP | a non-production environment",
            "検証 VPC | VPC | a non-production environment",
            "测试环境 | DIAGRAM_GROUP | a non-production environment",
            "스테이징 계정 | ACCOUNT | a non-production environment",
            "Entorno de desarrollo | DIAGRAM_GROUP | a non-production environment",
            "DRサイト | REGION | a recovery site",
            "Dev環境 | DIAGRAM_GROUP | a non-production environment",
            "灾备区域 | REGION | a recovery site",
            "本番環境 | DIAGRAM_GROUP | -",
            "負荷テスト | DIAGRAM_GROUP | -",
            "Producción y pruebas | VPC | -",
            // named for what it runs, not for an environment
            "Test runners | DIAGRAM_GROUP | -",
            "Dev tools | DIAGRAM_GROUP | -",
            // production named too
            "Prod and staging | VPC | -",
            "Production | VPC | -",
            // 'dr' in lower case is a name; an AZ or subnet is where production copies run
            "dr-app | VPC | -",
            "AZ 2 (DR) | AVAILABILITY_ZONE | -",
            "Test subnet | SUBNET | -",
    })
    void readsBoxNames(String label, Kind kind, String expected) {
        assertEquals(expected, ScaledDownEnvironment.named(label, kind).orElse("-"));
    }

    @ParameterizedTest(name = "''{0}'' -> {1}")
    @CsvSource(delimiter = '|', value = {
            "App server (pilot light) | true",
            "DR database | true",
            "Warm standby | true",
            "Standby | false",
            "Test server | false",
            "Production DR replica | false",
    })
    void readsOwnLabels(String label, boolean expected) {
        assertEquals(expected, ScaledDownEnvironment.recoveryCopy(label));
    }
}
