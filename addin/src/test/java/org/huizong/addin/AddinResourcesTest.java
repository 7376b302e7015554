package org.huizong.addin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class AddinResourcesTest {
    private static final Path RESOURCES = Path.of("src/main/resources/org/huizong/addin");

    @Test
    void manifestPointsEveryUrlAtTheServersOwnAddress() throws Exception {
        String xml = AddinResources.manifest("https://huizong.example.edu.cn:8443/");

        assertThat(xml).doesNotContain("${");
        Document doc = parse(xml);
        List<String> urls = attributeValues(doc, "//*[local-name()='SourceLocation'"
                + " or local-name()='IconUrl' or local-name()='HighResolutionIconUrl'"
                + " or local-name()='SupportUrl' or local-name()='Image' or local-name()='Url']"
                + "/@DefaultValue");
        assertThat(urls).hasSizeGreaterThanOrEqualTo(8)
                .allSatisfy(url -> assertThat(url)
                        .startsWith("https://huizong.example.edu.cn:8443/addin/"));
        for (String url : urls) {
            String path = url.substring("https://huizong.example.edu.cn:8443/addin/".length());
            assertThat(AddinResources.isStaticFile(path)).as("%s is served", url).isTrue();
        }
    }

    @Test
    void manifestIdIsAGuidStablePerAddressAndDifferentAcrossAddresses() throws Exception {
        String a = id(AddinResources.manifest("https://a.example.org"));
        String b = id(AddinResources.manifest("https://b.example.org"));

        assertThat(a).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(id(AddinResources.manifest("https://A.example.org/"))).isEqualTo(a);
        assertThat(b).isNotEqualTo(a);
    }

    @Test
    void baseUrlKeepsAReverseProxyPathPrefix() throws Exception {
        String xml = AddinResources.manifest("https://example.org/huizong/");

        assertThat(attributeValues(parse(xml), "//*[local-name()='SourceLocation']/@DefaultValue"))
                .contains("https://example.org/huizong/addin/taskpane.html");
    }

    @Test
    void plainHttpIsAcceptedOnlyForLoopback() {
        assertThat(AddinResources.normalizeBaseUrl("http://localhost:8080/"))
                .isEqualTo("http://localhost:8080");
        assertThat(AddinResources.normalizeBaseUrl("http://127.0.0.1:8080"))
                .isEqualTo("http://127.0.0.1:8080");
        assertThatThrownBy(() -> AddinResources.manifest("http://10.1.2.3:8080"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("http://10.1.2.3:8080").hasMessageContaining("https");
    }

    @Test
    void badBaseUrlsAreRefusedWithTheValueInTheMessage() {
        for (String bad : List.of("huizong.example.org", "ftp://example.org",
                "https://example.org/?x=1", "https://user@example.org", "https://example.org/#a",
                "https://exa mple.org")) {
            assertThatThrownBy(() -> AddinResources.normalizeBaseUrl(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(bad);
        }
        assertThatThrownBy(() -> AddinResources.normalizeBaseUrl(" "))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("服务器地址为空");
    }

    @Test
    void wpsPublishListPointsAtTheServersWpsFolderOverHttpToo() throws Exception {
        String xml = AddinResources.wpsPublishXml("http://10.1.2.3:8080/");

        assertThat(attributeValues(parse(xml), "//jspluginonline/@url"))
                .containsExactly("http://10.1.2.3:8080/addin/wps/");
        assertThat(attributeValues(parse(xml), "//jspluginonline/@type")).containsExactly("et");
        assertThat(AddinResources.isStaticFile("wps/ribbon.xml")).isTrue();
        assertThat(AddinResources.isStaticFile("wps/main.js")).isTrue();
        assertThatThrownBy(() -> AddinResources.wpsPublishXml("ftp://x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ftp://x");
    }

    @Test
    void staticFileListMatchesTheResourceFolder() throws IOException {
        List<String> onDisk = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(RESOURCES)) {
            walk.filter(Files::isRegularFile)
                    .map(p -> RESOURCES.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals(AddinResources.MANIFEST_TEMPLATE)
                            && !p.equals(AddinResources.WPS_PUBLISH_TEMPLATE)
                            && !p.equals(AddinResources.INDEX))
                    .sorted().forEach(onDisk::add);
        }

        assertThat(AddinResources.staticFiles())
                .as("files.txt is stale: run `npm run list-files` in addin/")
                .containsExactlyElementsOf(onDisk);
    }

    @Test
    void staticFilesOpenAndTheTemplateIsNotAmongThem() throws IOException {
        assertThat(AddinResources.staticFiles())
                .contains("taskpane.html", "js/main.mjs", "office/office.js", "assets/icon-32.png")
                .doesNotContain(AddinResources.MANIFEST_TEMPLATE);
        try (InputStream in = AddinResources.open("taskpane.html")) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .contains("office/office.js");
        }
        assertThatThrownBy(() -> AddinResources.open("../addin/manifest.xml"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("../addin/manifest.xml");
    }

    @Test
    void modulesAreServedAsJavaScript() {
        assertThat(AddinResources.contentType("js/main.mjs")).startsWith("text/javascript");
        assertThat(AddinResources.contentType("office/office.js")).startsWith("text/javascript");
        assertThat(AddinResources.contentType("taskpane.html"))
                .isEqualTo("text/html; charset=utf-8");
        assertThat(AddinResources.contentType("assets/icon-16.png")).isEqualTo("image/png");
        assertThat(AddinResources.contentType("x.bin")).isEqualTo("application/octet-stream");
    }

    private static String id(String xml) throws Exception {
        return (String) XPathFactory.newInstance().newXPath()
                .evaluate("/*[local-name()='OfficeApp']/*[local-name()='Id']", parse(xml),
                        XPathConstants.STRING);
    }

    private static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> attributeValues(Document doc, String xpath) throws Exception {
        NodeList nodes = (NodeList) XPathFactory.newInstance().newXPath()
                .evaluate(xpath, doc, XPathConstants.NODESET);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            out.add(nodes.item(i).getNodeValue());
        }
        return out;
    }
}
