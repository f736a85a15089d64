package dev.sprintflow.test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A timeline SVG read back with the JDK's XML parser: its bars by id, and how they are painted. */
public final class SvgTimeline {

  public static final String SVG_NS = "http://www.w3.org/2000/svg";
  /** TimelineChart's critical-path red, as JFreeSVG writes colours. */
  public static final String CRITICAL_FILL = "rgb(198,40,40)";

  private final Document document;
  private final Map<String, Element> rectsById = new LinkedHashMap<>();

  private SvgTimeline(Document document) {
    this.document = document;
    NodeList rects = document.getElementsByTagNameNS(SVG_NS, "rect");
    for (int i = 0; i < rects.getLength(); i++) {
      Element r = (Element) rects.item(i);
      if (!r.getAttribute("id").isEmpty()) {
        rectsById.put(r.getAttribute("id"), r);
      }
    }
  }

  /** Parses strictly: well-formed XML, SVG namespace, no DOCTYPE (nothing fetched from anywhere). */
  public static SvgTimeline parse(String svg) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
    Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    if (!SVG_NS.equals(d.getDocumentElement().getNamespaceURI()) || !"svg".equals(d.getDocumentElement().getLocalName())) {
      throw new AssertionError("not an SVG document: " + d.getDocumentElement().getTagName());
    }
    return new SvgTimeline(d);
  }

  /** Ids of the rect elements whose id starts with the prefix, in document order. */
  public List<String> bars(String prefix) {
    return rectsById.keySet().stream().filter(id -> id.startsWith(prefix)).toList();
  }

  /** Planned bars painted in the critical-path colour. */
  public List<String> criticalPlannedBars() {
    List<String> out = new ArrayList<>();
    for (String id : bars("planned-")) {
      if (paint(rectsById.get(id)).contains(CRITICAL_FILL)) {
        out.add(id);
      }
    }
    return out;
  }

  /** The tooltip of a bar: the SVG title JFreeSVG writes just before the element. */
  public String title(String id) {
    org.w3c.dom.Node n = rectsById.get(id).getPreviousSibling();
    while (n != null && n.getNodeType() != org.w3c.dom.Node.ELEMENT_NODE) {
      n = n.getPreviousSibling();
    }
    return n != null && "title".equals(n.getLocalName()) ? n.getTextContent() : "";
  }

  /** The x coordinate of a bar. */
  public double x(String id) {
    return Double.parseDouble(rectsById.get(id).getAttribute("x"));
  }

  public Element root() {
    return document.getDocumentElement();
  }

  private static String paint(Element e) {
    return (e.getAttribute("style") + " " + e.getAttribute("fill")).replace(" ", "");
  }
}
