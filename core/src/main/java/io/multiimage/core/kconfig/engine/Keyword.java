package io.multiimage.core.kconfig.engine;

import java.util.HashMap;
import java.util.Map;

/** The keywords and operators of the Kconfig language, as tokens. */
enum Keyword {
    ALLNOCONFIG_Y,
    AND,
    BOOL,
    CHOICE,
    CLOSE_PAREN,
    COMMENT,
    CONFIG,
    DEFAULT,
    DEFCONFIG_LIST,
    DEF_BOOL,
    DEF_HEX,
    DEF_INT,
    DEF_STRING,
    DEF_TRISTATE,
    DEPENDS,
    ENDCHOICE,
    ENDIF,
    ENDMENU,
    ENV,
    EQUAL,
    GREATER,
    GREATER_EQUAL,
    HELP,
    HEX,
    IF,
    IMPLY,
    INT,
    LESS,
    LESS_EQUAL,
    MAINMENU,
    MENU,
    MENUCONFIG,
    MODULES,
    NOT,
    ON,
    OPEN_PAREN,
    OPTION,
    OPTIONAL,
    OR,
    ORSOURCE,
    OSOURCE,
    PROMPT,
    RANGE,
    RSOURCE,
    SELECT,
    SOURCE,
    STRING,
    TRISTATE,
    UNEQUAL,
    VISIBLE;

    private static final Map<String, Keyword> WORDS = new HashMap<>();

    static {
        WORDS.put("---help---", HELP);
        WORDS.put("allnoconfig_y", ALLNOCONFIG_Y);
        WORDS.put("bool", BOOL);
        WORDS.put("boolean", BOOL);
        WORDS.put("choice", CHOICE);
        WORDS.put("comment", COMMENT);
        WORDS.put("config", CONFIG);
        WORDS.put("def_bool", DEF_BOOL);
        WORDS.put("def_hex", DEF_HEX);
        WORDS.put("def_int", DEF_INT);
        WORDS.put("def_string", DEF_STRING);
        WORDS.put("def_tristate", DEF_TRISTATE);
        WORDS.put("default", DEFAULT);
        WORDS.put("defconfig_list", DEFCONFIG_LIST);
        WORDS.put("depends", DEPENDS);
        WORDS.put("endchoice", ENDCHOICE);
        WORDS.put("endif", ENDIF);
        WORDS.put("endmenu", ENDMENU);
        WORDS.put("env", ENV);
        WORDS.put("grsource", ORSOURCE);
        WORDS.put("gsource", OSOURCE);
        WORDS.put("help", HELP);
        WORDS.put("hex", HEX);
        WORDS.put("if", IF);
        WORDS.put("imply", IMPLY);
        WORDS.put("int", INT);
        WORDS.put("mainmenu", MAINMENU);
        WORDS.put("menu", MENU);
        WORDS.put("menuconfig", MENUCONFIG);
        WORDS.put("modules", MODULES);
        WORDS.put("on", ON);
        WORDS.put("option", OPTION);
        WORDS.put("optional", OPTIONAL);
        WORDS.put("orsource", ORSOURCE);
        WORDS.put("osource", OSOURCE);
        WORDS.put("prompt", PROMPT);
        WORDS.put("range", RANGE);
        WORDS.put("rsource", RSOURCE);
        WORDS.put("select", SELECT);
        WORDS.put("source", SOURCE);
        WORDS.put("string", STRING);
        WORDS.put("tristate", TRISTATE);
        WORDS.put("visible", VISIBLE);
    }

    /** The keyword spelled {@code word}, or null. */
    static Keyword of(String word) {
        return WORDS.get(word);
    }

    /** Tokens after which a word or quoted text is a string, not a symbol. */
    boolean takesString() {
        switch (this) {
            case BOOL:
            case CHOICE:
            case COMMENT:
            case HEX:
            case INT:
            case MAINMENU:
            case MENU:
            case ORSOURCE:
            case OSOURCE:
            case PROMPT:
            case RSOURCE:
            case SOURCE:
            case STRING:
            case TRISTATE:
                return true;
            default:
                return false;
        }
    }

    boolean isType() {
        return this == BOOL || this == TRISTATE || this == INT || this == HEX || this == STRING;
    }

    boolean isSource() {
        return this == SOURCE || this == RSOURCE || this == OSOURCE || this == ORSOURCE;
    }

    boolean isRelation() {
        return this == EQUAL
                || this == UNEQUAL
                || this == LESS
                || this == LESS_EQUAL
                || this == GREATER
                || this == GREATER_EQUAL;
    }

    Expr.Relation relation() {
        switch (this) {
            case EQUAL:
                return Expr.Relation.EQUAL;
            case UNEQUAL:
                return Expr.Relation.UNEQUAL;
            case LESS:
                return Expr.Relation.LESS;
            case LESS_EQUAL:
                return Expr.Relation.LESS_EQUAL;
            case GREATER:
                return Expr.Relation.GREATER;
            default:
                return Expr.Relation.GREATER_EQUAL;
        }
    }
}
