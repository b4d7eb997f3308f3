package io.multiimage.core.variables;

import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.model.ImageTree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Computes, for every image of a tree, the variables it receives from the top-level
 * (command-line) variables (child-image-rules §6):
 *
 * <ul>
 *   <li>the top-level image receives every variable as given;</li>
 *   <li>a parent hands each image-specific variable {@code <child>_<NAME>} to every direct
 *       child whose name plus {@code _} begins it, as {@code <NAME>}; so {@code a_b_X} reaches
 *       {@code a} as {@code b_X} and {@code b} as {@code X} only if {@code a} declares
 *       {@code b}; a prefix naming no direct child reaches nobody;</li>
 *   <li>unprefixed variables stay with the image they were given to;</li>
 *   <li>{@link GlobalVariables} reach every child with the parent's value unless the child
 *       received the same name image-specifically.</li>
 * </ul>
 */
public final class VariableForwarding {

    private VariableForwarding() {}

    /** The received variables of every image, in the tree's pre-order. */
    public static Map<String, ReceivedVariables> compute(ImageTree tree, Map<String, String> topLevel) {
        Map<String, ReceivedVariables> result = new LinkedHashMap<>();
        for (ImageDeclaration image : tree.preOrder()) {
            ReceivedVariables received = tree.parent(image.name())
                    .map(parent -> forward(result.get(parent.name()), image.name()))
                    .orElseGet(() -> ReceivedVariables.topLevel(topLevel));
            result.put(image.name(), received);
        }
        return result;
    }

    /** What {@code child} receives from a parent that received {@code parent}. */
    public static ReceivedVariables forward(ReceivedVariables parent, String child) {
        String prefix = child + "_";
        Map<String, ReceivedVariable> received = new LinkedHashMap<>();
        for (ReceivedVariable variable : parent.all()) {
            if (variable.origin() == ReceivedVariable.Origin.IMAGE_SPECIFIC
                    && variable.name().startsWith(prefix)
                    && variable.name().length() > prefix.length()) {
                String name = variable.name().substring(prefix.length());
                received.put(
                        name,
                        new ReceivedVariable(
                                name, variable.value(), variable.givenAs(), ReceivedVariable.Origin.IMAGE_SPECIFIC));
            }
        }
        for (ReceivedVariable variable : parent.all()) {
            if (GlobalVariables.isGlobal(variable.name()) && !received.containsKey(variable.name())) {
                received.put(
                        variable.name(),
                        new ReceivedVariable(
                                variable.name(), variable.value(), variable.givenAs(), ReceivedVariable.Origin.GLOBAL));
            }
        }
        return new ReceivedVariables(new ArrayList<>(received.values()));
    }
}
