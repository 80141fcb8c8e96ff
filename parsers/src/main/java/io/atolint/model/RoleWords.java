package io.atolint.model;

import java.util.regex.Pattern;

/**
 * Words a label gives one copy of a service by ("Aurora primary" / "read replica", "DB master" / "standby"), in the
 * languages the diagram reader reads: the one vocabulary for the reader (a "standby (Multi-AZ)" is one copy of a
 * drawn pair) and for the topology (copies named by role are replicas of one another).
 */
public final class RoleWords {
    /** Case-insensitive; CJK words without word boundaries (they need a Latin letter beside them). */
    public static final Pattern PATTERN = Pattern.compile(
            "\\b(primary|standby|secondary|read[- ]?replica|replica|read[- ]?only|failover|master|slave|active|passive|"
                    + "writer|reader|primaria|primária|secundaria|secundária|réplica)\\b"
                    + "|プライマリー?|スタンバイ|セカンダリー?|リードレプリカ|レプリカ|マスター|スレーブ"
                    + "|主库|备库|从库|主节点|备节点|从节点|只读副本|副本|待機系?"
                    + "|프라이머리|스탠바이|복제본|마스터|슬레이브|대기|보조|읽기\\s?전용|주(?=\\s?(?:db|인스턴스|노드))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private RoleWords() {
    }

    /** Whether a label names a copy by its role. */
    public static boolean in(String label) {
        return PATTERN.matcher(label).find();
    }
}
