package io.atolint.model;

/** Three-valued logic: a fact is provably true, provably false, or not decidable from the files. */
public enum Tri {
    TRUE, FALSE, UNKNOWN;

    public static Tri of(boolean b) {
        return b ? TRUE : FALSE;
    }

    public boolean isTrue() {
        return this == TRUE;
    }

    public boolean isFalse() {
        return this == FALSE;
    }

    public boolean isKnown() {
        return this != UNKNOWN;
    }

    public Tri not() {
        return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
    }

    public Tri and(Tri o) {
        if (this == FALSE || o == FALSE) {
            return FALSE;
        }
        return this == TRUE && o == TRUE ? TRUE : UNKNOWN;
    }

    public Tri or(Tri o) {
        if (this == TRUE || o == TRUE) {
            return TRUE;
        }
        return this == FALSE && o == FALSE ? FALSE : UNKNOWN;
    }
}
