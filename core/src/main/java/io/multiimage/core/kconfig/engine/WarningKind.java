package io.multiimage.core.kconfig.engine;

/**
 * What a {@link KconfigWarning} is about, grouped by when it arises ({@link Phase}).
 */
public enum WarningKind {
    /** {@code style: quotes recommended ...}. */
    STYLE(Phase.PARSE),
    /** {@code $(warning-if,y,...)} in a Kconfig file. */
    PREPROCESSOR(Phase.PARSE),
    /** A menuconfig without prompt, several prompts or help texts in one definition, whitespace around a prompt, empty help. */
    DEFINITION(Phase.PARSE),
    /** {@code X defined with multiple types}. */
    MULTIPLE_TYPES(Phase.PARSE),
    /** {@code X defined without a type}. */
    NO_TYPE(Phase.PARSE),
    /** A default, range, select or imply that does not fit the symbol's type or the target's. */
    TYPE_MISMATCH(Phase.PARSE),
    /** A problem in a choice: its type, prompt, defaults, or the definitions of its symbols. */
    CHOICE(Phase.PARSE),
    /** An {@code option} line (env, defconfig_list, modules). */
    OPTION(Phase.PARSE),
    /** A fragment assigns a symbol that no Kconfig file defines. */
    UNDEFINED_ASSIGNMENT(Phase.FRAGMENT),
    /** A fragment line that is neither an assignment nor a comment. */
    MALFORMED_LINE(Phase.FRAGMENT),
    /** A fragment value that does not fit the symbol's type. */
    INVALID_VALUE(Phase.FRAGMENT),
    /** A symbol assigned again with a different value. */
    ASSIGNED_TWICE(Phase.FRAGMENT),
    /** A user value outside the active range. */
    USER_VALUE_OUT_OF_RANGE(Phase.EVALUATION),
    /** A default outside the active range, clamped. */
    DEFAULT_CLAMPED(Phase.EVALUATION),
    /** A symbol selected although its own dependencies are not met. */
    SELECT_UNSATISFIED_DEPENDENCIES(Phase.EVALUATION),
    /** An int/hex/string symbol used as a truth value. */
    LOGICAL_CONTEXT(Phase.EVALUATION),
    /** A user value that has no effect because the symbol has no prompt (assignment check). */
    ASSIGNED_WITHOUT_PROMPT(Phase.ASSIGNMENT_CHECK),
    /** A user value that differs from the final value (assignment check). */
    ASSIGNED_VALUE_NOT_TAKEN(Phase.ASSIGNMENT_CHECK),
    /** A choice symbol assigned y that the choice did not select (assignment check). */
    CHOICE_SELECTION_NOT_TAKEN(Phase.ASSIGNMENT_CHECK);

    /** When a warning arises; warnings are reported in this order. */
    public enum Phase {
        /** Reading the Kconfig files. */
        PARSE,
        /** Loading fragment files. */
        FRAGMENT,
        /** Computing values. */
        EVALUATION,
        /** Comparing assigned and final values, after evaluation. */
        ASSIGNMENT_CHECK
    }

    private final Phase phase;

    WarningKind(Phase phase) {
        this.phase = phase;
    }

    /** When warnings of this kind arise. */
    public Phase phase() {
        return phase;
    }
}
