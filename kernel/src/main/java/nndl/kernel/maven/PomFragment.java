package nndl.kernel.maven;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Pieces of a POM pasted into a {@code %%loadFromPOM} cell, put together into a whole POM the way
 * IJava documents it: every child of {@code <dependencies>} and loose {@code <dependency>}
 * elements go into one {@code <dependencies>}, the same for repositories, {@code <properties>}
 * are merged; {@code <modelVersion>}, {@code <groupId>}, {@code <artifactId>}, {@code <version>}
 * and anything else of a POM's top level are left out (the cell's POM gets its own).
 */
final class PomFragment {
    private PomFragment() {
    }

    /**
     * A POM holding the dependencies, repositories and properties of {@code fragment}.
     *
     * @throws IllegalArgumentException if the fragment is not well-formed XML (with its line and
     *                                  column) or holds an element no POM has at its top level
     */
    static String asProject(String fragment) {
        Element root = parse(fragment);
        List<Element> dependencies = new ArrayList<>();
        List<Element> repositories = new ArrayList<>();
        List<Element> properties = new ArrayList<>();
        for (Element element : children(root)) {
            switch (element.getTagName()) {
                case "dependency" -> dependencies.add(element);
                case "dependencies" -> dependencies.addAll(children(element));
                case "repository" -> repositories.add(element);
                case "repositories" -> repositories.addAll(children(element));
                case "properties" -> properties.addAll(children(element));
                case "modelVersion", "groupId", "artifactId", "version", "name", "description", "packaging",
                        "url", "build", "parent", "dependencyManagement" -> { }
                default -> throw new IllegalArgumentException("<" + element.getTagName() + "> is not part of a POM"
                        + " this magic reads: give <dependency>, <dependencies>, <repository>, <repositories>,"
                        + " <properties> or a whole <project>");
            }
        }
        return "<project><modelVersion>4.0.0</modelVersion><groupId>cell</groupId><artifactId>cell</artifactId>"
                + "<version>1</version>"
                + wrapped("properties", properties) + wrapped("dependencies", dependencies) + wrapped("repositories", repositories)
                + "</project>";
    }

    private static Element parse(String fragment) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            javax.xml.parsers.DocumentBuilder builder = factory.newDocumentBuilder();
            // The default handler prints "[Fatal Error]" on stderr besides throwing; the exception says it all.
            builder.setErrorHandler(null);
            return builder
                    .parse(new InputSource(new StringReader("<fragment>" + fragment + "</fragment>")))
                    .getDocumentElement();
        } catch (SAXParseException e) {
            throw new IllegalArgumentException("not a POM fragment: line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + e.getMessage(), e);
        } catch (SAXException | IOException | ParserConfigurationException e) {
            throw new IllegalArgumentException("not a POM fragment: " + e.getMessage(), e);
        }
    }

    private static List<Element> children(Element parent) {
        List<Element> elements = new ArrayList<>();
        NodeList nodes = parent.getChildNodes();
        for (int i = 0; i < nodes.getLength(); i++) {
            if (nodes.item(i).getNodeType() == Node.ELEMENT_NODE) {
                elements.add((Element) nodes.item(i));
            }
        }
        return elements;
    }

    private static String wrapped(String tag, List<Element> elements) {
        if (elements.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<" + tag + ">");
        elements.forEach(element -> out.append(serialize(element)));
        return out.append("</").append(tag).append(">").toString();
    }

    private static String serialize(Element element) {
        try {
            Transformer transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "yes");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(element), new StreamResult(out));
            return out.toString();
        } catch (TransformerException e) {
            throw new IllegalStateException("cannot write <" + element.getTagName() + "> back: " + e.getMessage(), e);
        }
    }
}
