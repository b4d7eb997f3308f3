package io.multiimage.core.variables;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.multiimage.core.model.ImageDeclaration;
import io.multiimage.core.model.ImageTree;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random trees: a variable prefixed with the names along a path from the top-level
 * image reaches each image of that path with the prefixes above it removed, and no image
 * off the path.
 */
class ForwardingPropertyTest {

    private static final String[] NAMES = {"alpha", "beta", "gamma", "delta", "eps", "zeta", "eta", "theta", "iota"};

    static Stream<Long> seeds() {
        return IntStream.range(0, 60).mapToObj(i -> 104_729L * i + 11);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aPrefixedVariableReachesExactlyTheImagesOnItsPath(long seed) throws Exception {
        Random random = new Random(seed);
        Map<String, List<String>> children = new LinkedHashMap<>();
        Map<String, String> parents = new LinkedHashMap<>();
        children.put("top", new ArrayList<>());
        List<String> pool = new ArrayList<>(List.of(NAMES));
        java.util.Collections.shuffle(pool, random);
        int count = 1 + random.nextInt(pool.size());
        for (String name : pool.subList(0, count)) {
            List<String> existing = new ArrayList<>(children.keySet());
            String parent = existing.get(random.nextInt(existing.size()));
            children.get(parent).add(name);
            children.put(name, new ArrayList<>());
            parents.put(name, parent);
        }
        List<ImageDeclaration> declarations = new ArrayList<>();
        children.forEach((name, kids) -> declarations.add(ImageDeclaration.builder(name, Path.of(name))
                .children(kids.toArray(String[]::new))
                .build()));
        ImageTree tree = ImageTree.build("top", declarations);

        List<String> images = new ArrayList<>(parents.keySet());
        String target = images.get(random.nextInt(images.size()));
        List<String> path =
                new ArrayList<>(tree.chain(target).subList(1, tree.chain(target).size()));
        String variable = String.join("_", path) + "_SETTING";
        Map<String, ReceivedVariables> received = VariableForwarding.compute(tree, Map.of(variable, "v" + seed));

        for (String image : children.keySet()) {
            int depth = path.indexOf(image);
            Optional<String> expectedName = image.equals("top")
                    ? Optional.of(variable)
                    : depth < 0
                            ? Optional.empty()
                            : Optional.of(String.join("_", path.subList(depth + 1, path.size()))
                                    + (depth + 1 < path.size() ? "_" : "") + "SETTING");
            List<String> names = received.get(image).all().stream()
                    .map(ReceivedVariable::name)
                    .toList();
            assertEquals(expectedName.map(List::of).orElse(List.of()), names, "image " + image + ", seed " + seed);
            expectedName.ifPresent(
                    n -> assertEquals("v" + seed, received.get(image).get(n).orElseThrow()));
        }
    }
}
