package io.atolint.reconcile;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How labels and names become words: what is set aside, and when two are alike. */
class WordsTest {

    @Test
    void kindWordsCopyMarksAndRolesAreSetAside() {
        Words.Parsed alb = Words.parse("Web ALB (AZ a)");
        assertEquals(List.of("web"), alb.tokens());
        assertEquals(0, alb.copy());
        assertEquals(List.of("web"), Words.parse("WebAlb").tokens());
        assertEquals("app web[1]", IacNames.addressName("module.app.aws_lb.web[1]"));
        assertEquals(List.of("app", "web"), Words.parse(IacNames.addressName("module.app.aws_lb.web[1]")).tokens());
        assertEquals(1, Words.parse("web[1]").copy());
        assertEquals(1, Words.parse("App server 2").copy());
        assertEquals(1, Words.parse("Private subnet us-east-1b").copy());
        Words.Parsed standby = Words.parse("Orders DB standby");
        assertEquals(List.of("orders"), standby.tokens());
        assertEquals(Set.of("standby"), standby.roles());
        assertEquals(Set.of("replica"), Words.parse("Aurora read replica").roles());
        assertTrue(Words.parse("Database (PostgreSQL)").isGeneric());
        assertTrue(Words.parse("Lambda functions").plural());
        // EC2 is one kind word, not "ec" and a copy number
        assertTrue(Words.parse("EC2").isGeneric());
        assertEquals(-1, Words.parse("EC2").copy());
    }

    @Test
    void similarityIsAScoreOverWordsNeverAnExactTest() {
        assertEquals(1.0, Words.similarity(List.of("app"), List.of("application")));
        assertEquals(1.0, Words.similarity(List.of("orders"), List.of("order")));
        assertEquals(2.0 / 3, Words.similarity(List.of("private", "app"), List.of("app")), 1e-9);
        assertEquals(0.0, Words.similarity(List.of("orders"), List.of("users")));
        assertEquals(List.of("web", "launch", "template"), Words.allWords("WebLaunchTemplate"));
        assertEquals(List.of("public", "subnet", "1"), Words.allWords("PublicSubnet1"));
    }
}
