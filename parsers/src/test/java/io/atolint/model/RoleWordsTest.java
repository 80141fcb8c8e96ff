package io.atolint.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The words a label gives one copy of a service by, in the languages diagrams are drawn in. */
class RoleWordsTest {
    @Test
    void copiesNamedByTheirRole() {
        for (String label : List.of("RDS (Master)", "RDS (Slave)", "DB Read Replica", "Aurora writer", "Passive",
                "主库", "从库", "プライマリDB", "スタンバイDB", "待機系DB", "주 DB", "대기 DB", "보조 DB", "읽기 전용 복제본")) {
            assertTrue(RoleWords.in(label), label);
        }
    }

    @Test
    void namesThatOnlyLookLikeRoles() {
        for (String label : List.of("Orders DB", "주문 DB", "주소 DB", "Activity log", "Masterdata service", "Readers' API")) {
            assertFalse(RoleWords.in(label), label);
        }
    }
}
