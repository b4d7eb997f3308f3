package io.multiimage.core.kconfig.engine;

/**
 * One valid assignment from a fragment file ({@code CONFIG_X=...} or
 * {@code # CONFIG_X is not set}), or from {@link Kconfig#setUserValue} (location null).
 *
 * @param location where it was written, or null when set through the API
 * @param value the value as stored: {@code y}/{@code n} for bool, the unescaped text for
 *     string, the text as written for int/hex
 */
public record UserAssignment(Location location, String value) {

    /** {@code FILE:LINE} or {@code (set through the API)}. */
    public String where() {
        return location == null ? "(set through the API)" : location.toString();
    }
}
