package io.atolint.parse.diagram;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An XML element as {@link SafeXml} read it: name, attributes in order, children, text, and where it starts. */
public final class XmlNode {
    private final String name;
    private final Map<String, String> attributes;
    private final List<XmlNode> children = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final int line;
    private final int column;

    XmlNode(String name, Map<String, String> attributes, int line, int column) {
        this.name = name;
        this.attributes = new LinkedHashMap<>(attributes);
        this.line = line;
        this.column = column;
    }

    /** The local name, without a namespace prefix. */
    public String name() {
        return name;
    }

    public Map<String, String> attributes() {
        return Collections.unmodifiableMap(attributes);
    }

    /** An attribute by its qualified or local name ({@code xlink:href} is also found as {@code href}). */
    public Optional<String> attr(String attrName) {
        String v = attributes.get(attrName);
        if (v == null) {
            for (Map.Entry<String, String> e : attributes.entrySet()) {
                String k = e.getKey();
                int colon = k.indexOf(':');
                if (colon >= 0 && k.substring(colon + 1).equals(attrName)) {
                    return Optional.of(e.getValue());
                }
            }
        }
        return Optional.ofNullable(v);
    }

    public String attrOr(String attrName, String fallback) {
        return attr(attrName).orElse(fallback);
    }

    public List<XmlNode> children() {
        return Collections.unmodifiableList(children);
    }

    public List<XmlNode> children(String childName) {
        List<XmlNode> out = new ArrayList<>();
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                out.add(c);
            }
        }
        return out;
    }

    public Optional<XmlNode> child(String childName) {
        for (XmlNode c : children) {
            if (c.name.equals(childName)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The character data directly inside this element. */
    public String text() {
        return text.toString();
    }

    /** 1-based line of the start tag's end, as the SAX locator reports it. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    void add(XmlNode child) {
        children.add(child);
    }

    void appendText(char[] ch, int start, int length) {
        text.append(ch, start, length);
    }

    void dropText() {
        text.setLength(0);
    }
}
