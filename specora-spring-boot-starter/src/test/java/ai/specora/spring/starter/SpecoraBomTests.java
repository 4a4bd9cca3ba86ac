package ai.specora.spring.starter;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code specora-bom} manages every published module of the build (each module of
 * the root pom that is neither a pom nor marked {@code maven.deploy.skip}), at the
 * build's version, and only Specora artifacts.
 */
class SpecoraBomTests {

	private static final Path ROOT = Path.of("..");

	@Test
	void bomManagesEveryPublishedModuleAtTheBuildVersion() throws Exception {
		Document root = read(ROOT.resolve("pom.xml"));
		Document bom = read(ROOT.resolve("specora-bom/pom.xml"));
		assertThat(child(bom.getDocumentElement(), "parent")).as("the BOM has no parent").isNull();
		assertThat(text(bom.getDocumentElement(), "version")).isEqualTo(text(root.getDocumentElement(), "version"));
		assertThat(text(bom.getDocumentElement(), "packaging")).isEqualTo("pom");
		List<String> managed = new ArrayList<>();
		Element dependencies = child(child(bom.getDocumentElement(), "dependencyManagement"), "dependencies");
		for (Element dependency : children(dependencies, "dependency")) {
			assertThat(text(dependency, "groupId")).isEqualTo("ai.specora");
			assertThat(text(dependency, "version")).isEqualTo("${project.version}");
			managed.add(text(dependency, "artifactId"));
		}
		assertThat(managed).doesNotHaveDuplicates().containsAll(publishedModules(root));
	}

	private static List<String> publishedModules(Document root) throws Exception {
		List<String> published = new ArrayList<>();
		for (Element module : children(child(root.getDocumentElement(), "modules"), "module")) {
			Path pom = ROOT.resolve(module.getTextContent().trim()).resolve("pom.xml");
			assertThat(pom).exists();
			Element project = read(pom).getDocumentElement();
			Element properties = child(project, "properties");
			boolean skipped = properties != null && "true".equals(text(properties, "maven.deploy.skip"));
			if (!"pom".equals(text(project, "packaging")) && !skipped) {
				published.add(text(project, "artifactId"));
			}
		}
		assertThat(published).isNotEmpty();
		return published;
	}

	private static Document read(Path pom) throws Exception {
		assertThat(Files.isRegularFile(pom)).as(pom.toString()).isTrue();
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		return factory.newDocumentBuilder().parse(pom.toFile());
	}

	private static Element child(Element parent, String name) {
		List<Element> found = children(parent, name);
		return found.isEmpty() ? null : found.get(0);
	}

	private static List<Element> children(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		if (parent == null) {
			return found;
		}
		NodeList nodes = parent.getChildNodes();
		for (int i = 0; i < nodes.getLength(); i++) {
			Node node = nodes.item(i);
			if (node instanceof Element element && element.getTagName().equals(name)) {
				found.add(element);
			}
		}
		return found;
	}

	private static String text(Element parent, String name) {
		Element element = child(parent, name);
		return (element != null) ? element.getTextContent().trim() : null;
	}

}
