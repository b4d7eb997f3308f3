package io.multiimage.maven;

import io.multiimage.core.pipeline.MemoryReports;
import io.multiimage.core.pipeline.PreparedTree;
import io.multiimage.core.report.MemoryMapText;
import javax.inject.Inject;
import javax.inject.Named;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.project.ProjectBuilder;
import org.codehaus.plexus.component.configurator.ComponentConfigurator;
import org.eclipse.aether.RepositorySystem;

/**
 * Shows the memory map of this module's image tree: for every domain and region, each
 * partition's start, end, size and share of the region, gaps and containers, and how full the
 * images living in it were after their last build (used/size, {@code -} when not built yet); then the images
 * placed by {@code CONFIG_FLASH_LOAD_OFFSET} outside the partition manager, each with the file
 * and line that set the offset. Places the partitions (writing {@code partitions.yml}) but
 * compiles nothing. Across a reactor the map is printed once, by the top module of each tree;
 * a child module prints it only when its top is not part of the build.
 */
@Mojo(name = "partitions", threadSafe = true)
public class PartitionsMojo extends AbstractFirmwareMojo {

    @Inject
    public PartitionsMojo(
            RepositorySystem repositorySystem,
            ProjectBuilder projectBuilder,
            @Named("basic") ComponentConfigurator configurator) {
        super(new MavenComponents(repositorySystem, projectBuilder, configurator));
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (leavesItToTheTop("the memory map of the tree is printed there", true)) {
            return;
        }
        String map = runCore(request -> {
            PreparedTree tree = firmwareBuild(request).prepare(request);
            return MemoryMapText.render(MemoryReports.lastBuild(request, tree));
        });
        map.lines().forEach(getLog()::info);
    }
}
