package dev.connecttasks.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The BOM has no parent, so nothing but this test keeps it equal to the build it publishes. */
class BomTest {

    private static final Path TOP = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> UNPUBLISHED = List.of("connect-tasks-bom", "connect-tasks-conformance", "connect-tasks-benchmarks");

    @Test
    void theBomManagesEveryPublishedModuleAtTheBuildsVersion() throws Exception {
        Document top = read(TOP.resolve("pom.xml"));
        String version = child(top.getDocumentElement(), "version");
        List<String> published = new ArrayList<>();
        for (Element module : children(element(top.getDocumentElement(), "modules"))) {
            Document pom = read(TOP.resolve(module.getTextContent().trim()).resolve("pom.xml"));
            String artifactId = child(pom.getDocumentElement(), "artifactId");
            boolean skipsInstall = pom.getElementsByTagName("maven.install.skip").getLength() > 0;
            if (!UNPUBLISHED.contains(artifactId) && !skipsInstall) {
                published.add(artifactId);
            }
        }

        Document bom = read(TOP.resolve("bom/pom.xml"));
        assertThat(child(bom.getDocumentElement(), "version")).as("the BOM's own version").isEqualTo(version);
        Element managed = element(element(bom.getDocumentElement(), "dependencyManagement"), "dependencies");
        List<String> listed = new ArrayList<>();
        for (Element dependency : children(managed)) {
            listed.add(child(dependency, "artifactId"));
            assertThat(child(dependency, "groupId")).isEqualTo("dev.connecttasks");
            assertThat(child(dependency, "version")).as("version of %s in the BOM", child(dependency, "artifactId")).isEqualTo(version);
        }
        assertThat(listed).as("the BOM's modules").containsExactlyInAnyOrderElementsOf(published);
    }

    @Test
    void everyPublishedPomCarriesTheLicence() throws Exception {
        Document top = read(TOP.resolve("pom.xml"));
        Document bom = read(TOP.resolve("bom/pom.xml"));
        for (Document pom : List.of(top, bom)) {
            assertThat(pom.getElementsByTagName("license").getLength()).isEqualTo(1);
            assertThat(pom.getElementsByTagName("license").item(0).getTextContent()).contains("Apache License, Version 2.0");
        }
        assertThat(Files.readString(TOP.resolve("LICENSE"))).contains("Apache License").contains("Version 2.0, January 2004");
    }

    private static Document read(Path pom) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
    }

    /** The text of the direct child {@code name} of {@code parent}. */
    private static String child(Element parent, String name) {
        return element(parent, name).getTextContent().trim();
    }

    private static Element element(Element parent, String name) {
        for (Element element : children(parent)) {
            if (element.getTagName().equals(name)) {
                return element;
            }
        }
        throw new AssertionError(parent.getTagName() + " has no " + name);
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element element) {
                elements.add(element);
            }
        }
        return elements;
    }
}
