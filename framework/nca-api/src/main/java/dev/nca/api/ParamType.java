package dev.nca.api;

/** The value types a recipe parameter can have (TOML 0.4 scalars and homogeneous arrays). */
public enum ParamType {
    /** A TOML integer, held as {@code long}. */
    INTEGER,
    /** A TOML float or integer, held as {@code double}. */
    REAL,
    /** A TOML boolean. */
    BOOLEAN,
    /** A TOML string. */
    TEXT,
    /** An array of numbers, held as {@code double[]}. */
    REAL_LIST,
    /** An array of strings, held as {@code List<String>}. */
    TEXT_LIST
}
