package io.multiimage.partition;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The layout files of a domain are named as the Partition Manager names them. */
class LayoutFileNamesTest {

    @Test
    void theRootDomainHasThePlainNames() {
        assertEquals(List.of("partitions.yml", "regions.yml", "pm.config"), new LayoutFileNames("").all());
    }

    @Test
    void anotherDomainHasItsNameInEachFileName() {
        assertEquals(
                List.of("partitions_CPUNET.yml", "regions_CPUNET.yml", "pm_CPUNET.config"),
                new LayoutFileNames("CPUNET").all());
        assertEquals(new LayoutFileNames("CPUNET"), new DomainConfig("CPUNET", List.of(), null, List.of()).fileNames());
    }
}
