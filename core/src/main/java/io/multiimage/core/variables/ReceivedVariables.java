package io.multiimage.core.variables;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The variables one image received, by name (sorted, so iteration is deterministic).
 */
public final class ReceivedVariables {

    private final Map<String, ReceivedVariable> byName;

    /** The given variables; a name may occur once. */
    public ReceivedVariables(List<ReceivedVariable> variables) {
        Map<String, ReceivedVariable> map = new TreeMap<>();
        for (ReceivedVariable variable : variables) {
            if (map.put(variable.name(), variable) != null) {
                throw new IllegalArgumentException("variable " + variable.name() + " given twice");
            }
        }
        this.byName = Collections.unmodifiableMap(map);
    }

    /** An image that received nothing. */
    public static ReceivedVariables none() {
        return new ReceivedVariables(List.of());
    }

    /** Variables given to the top-level image: every one image-specific, named as given. */
    public static ReceivedVariables topLevel(Map<String, String> variables) {
        List<ReceivedVariable> list = new ArrayList<>();
        new TreeMap<>(variables)
                .forEach((name, value) ->
                        list.add(new ReceivedVariable(name, value, name, ReceivedVariable.Origin.IMAGE_SPECIFIC)));
        return new ReceivedVariables(list);
    }

    /** Every received variable, sorted by name. */
    public List<ReceivedVariable> all() {
        return List.copyOf(byName.values());
    }

    /** Name to value of every received variable, sorted by name (e.g. for a toolchain request). */
    public java.util.SortedMap<String, String> asMap() {
        java.util.SortedMap<String, String> values = new TreeMap<>();
        byName.forEach((name, variable) -> values.put(name, variable.value()));
        return java.util.Collections.unmodifiableSortedMap(values);
    }

    /** The variable called {@code name}. */
    public Optional<ReceivedVariable> variable(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** The value of {@code name}. */
    public Optional<String> get(String name) {
        return variable(name).map(ReceivedVariable::value);
    }

    /** The value of {@code name} if it was given to this image specifically (not inherited). */
    public Optional<String> imageSpecific(String name) {
        return variable(name)
                .filter(v -> v.origin() == ReceivedVariable.Origin.IMAGE_SPECIFIC)
                .map(ReceivedVariable::value);
    }

    /** The value of {@code name} as a list: split on {@code ;}, empty items dropped; empty if absent. */
    public List<String> list(String name) {
        return get(name).map(ReceivedVariables::splitList).orElse(List.of());
    }

    /** The single Kconfig values {@code CONFIG_X=v} this image received, sorted by symbol name. */
    public Map<String, String> configValues() {
        Map<String, String> values = new TreeMap<>();
        byName.forEach((name, variable) -> {
            if (name.startsWith("CONFIG_") && name.length() > "CONFIG_".length()) {
                values.put(name, variable.value());
            }
        });
        return values;
    }

    /** Splits a {@code ;}-separated list, dropping empty items and keeping the order. */
    public static List<String> splitList(String value) {
        List<String> items = new ArrayList<>();
        for (String item : value.split(";", -1)) {
            if (!item.isEmpty()) {
                items.add(item);
            }
        }
        return List.copyOf(items);
    }

    @Override
    public String toString() {
        return byName.values().toString();
    }
}
