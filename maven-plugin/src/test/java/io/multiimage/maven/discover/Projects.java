package io.multiimage.maven.discover;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.codehaus.plexus.util.xml.Xpp3DomBuilder;

/** Maven projects for the discover layer's tests: a directory, and the plugin's configuration as XML. */
final class Projects {

    private Projects() {}

    /** A firmware module in {@code dir} whose plugin configuration is {@code configuration} (XML, may be empty). */
    static MavenProject module(Path dir, String artifactId, String configuration) throws Exception {
        Model model = new Model();
        model.setGroupId("com.acme");
        model.setArtifactId(artifactId);
        model.setVersion("1.0");
        model.setPackaging("firmware");
        Build build = new Build();
        Plugin plugin = new Plugin();
        plugin.setGroupId("io.multiimage");
        plugin.setArtifactId("firmware-maven-plugin");
        plugin.setConfiguration(dom(configuration));
        build.addPlugin(plugin);
        build.setDirectory(dir.resolve("target").toString());
        model.setBuild(build);
        MavenProject project = new MavenProject(model);
        project.setOriginalModel(model.clone());
        project.setFile(new File(dir.toFile(), "pom.xml"));
        return project;
    }

    /** A module whose own pom.xml has no plugin configuration (all of it inherited). */
    static MavenProject inheriting(Path dir, String artifactId, String configuration) throws Exception {
        MavenProject project = module(dir, artifactId, configuration);
        Model own = project.getModel().clone();
        own.setBuild(new Build());
        project.setOriginalModel(own);
        return project;
    }

    static Xpp3Dom dom(String configuration) throws Exception {
        return Xpp3DomBuilder.build(new java.io.StringReader("<configuration>" + configuration + "</configuration>"));
    }
}
