package io.atolint.parse.diagram;

import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.Locator;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.ext.DeclHandler;
import org.xml.sax.helpers.DefaultHandler;

import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads XML from a string into {@link XmlNode}s with line numbers, safely: no DTD is ever loaded, no
 * external entity or XInclude is resolved, and any entity declaration (billion laughs, XXE) is refused
 * with a positioned error. A {@code <!DOCTYPE svg PUBLIC ...>} line (Graphviz writes one) is
 * tolerated because its DTD is never fetched. Element count and depth are bounded.
 */
public final class SafeXml {
    private static final SAXParserFactory FACTORY = factory();

    private SafeXml() {
    }

    /** Why a document could not be read, with the 1-based position of the problem (0 when unknown). */
    public static final class XmlProblem extends Exception {
        private static final long serialVersionUID = 1L;
        private final int line;
        private final int column;

        XmlProblem(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    /**
     * Parses {@code text}. {@code keepText} limits which elements keep their character data (draw.io's
     * {@code diagram} payload, SVG's {@code text}/{@code title}); others drop it to bound memory.
     */
    public static XmlNode parse(String text, int maxElements, int maxDepth, java.util.Set<String> keepText)
            throws XmlProblem {
        Builder b = new Builder(maxElements, maxDepth, keepText);
        try {
            XMLReader reader = FACTORY.newSAXParser().getXMLReader();
            reader.setContentHandler(b);
            reader.setErrorHandler(b);
            reader.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
            try {
                reader.setProperty("http://xml.org/sax/properties/declaration-handler", b);
            } catch (SAXException e) {
                // without the declaration handler, entity declarations are still never expanded from outside
            }
            reader.parse(new InputSource(new StringReader(text)));
        } catch (SAXParseException e) {
            throw new XmlProblem(clean(e.getMessage()), Math.max(0, e.getLineNumber()), Math.max(0, e.getColumnNumber()));
        } catch (SAXException e) {
            int line = b.locator == null ? 0 : b.locator.getLineNumber();
            int col = b.locator == null ? 0 : b.locator.getColumnNumber();
            throw new XmlProblem(clean(e.getMessage()), line, col);
        } catch (ParserConfigurationException | IOException e) {
            throw new XmlProblem("cannot read XML: " + e.getMessage(), 0, 0);
        }
        if (b.root == null) {
            throw new XmlProblem("no XML element", 1, 1);
        }
        return b.root;
    }

    private static String clean(String message) {
        return message == null ? "invalid XML" : message.replaceAll("\\s+", " ").trim();
    }

    private static SAXParserFactory factory() {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(true);
        f.setValidating(false);
        f.setXIncludeAware(false);
        trySet(f, XMLConstants.FEATURE_SECURE_PROCESSING, true);
        trySet(f, "http://xml.org/sax/features/external-general-entities", false);
        trySet(f, "http://xml.org/sax/features/external-parameter-entities", false);
        trySet(f, "http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        trySet(f, "http://xml.org/sax/features/namespace-prefixes", true);
        return f;
    }

    private static void trySet(SAXParserFactory f, String feature, boolean value) {
        try {
            f.setFeature(feature, value);
        } catch (ParserConfigurationException | SAXException e) {
            // a parser without the feature: the entity resolver and DeclHandler still refuse what matters
        }
    }

    private static final class Builder extends DefaultHandler implements DeclHandler {
        private final int maxElements;
        private final int maxDepth;
        private final java.util.Set<String> keepText;
        private final Deque<XmlNode> stack = new ArrayDeque<>();
        private XmlNode root;
        private Locator locator;
        private int count;

        Builder(int maxElements, int maxDepth, java.util.Set<String> keepText) {
            this.maxElements = maxElements;
            this.maxDepth = maxDepth;
            this.keepText = keepText;
        }

        @Override
        public void setDocumentLocator(Locator l) {
            this.locator = l;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if (++count > maxElements) {
                throw new SAXException("more than " + maxElements + " XML elements");
            }
            if (stack.size() >= maxDepth) {
                throw new SAXException("XML nested deeper than " + maxDepth + " elements");
            }
            Map<String, String> a = new LinkedHashMap<>();
            for (int i = 0; i < atts.getLength(); i++) {
                String q = atts.getQName(i);
                if (q.equals("xmlns") || q.startsWith("xmlns:")) {
                    continue;
                }
                a.put(q, atts.getValue(i));
            }
            String name = localName == null || localName.isEmpty() ? strip(qName) : localName;
            XmlNode n = new XmlNode(name, a, locator == null ? 0 : locator.getLineNumber(),
                    locator == null ? 0 : locator.getColumnNumber());
            if (stack.isEmpty()) {
                root = n;
            } else {
                stack.peek().add(n);
            }
            stack.push(n);
        }

        private static String strip(String q) {
            int c = q.indexOf(':');
            return c < 0 ? q : q.substring(c + 1);
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            stack.pop();
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            XmlNode top = stack.peek();
            if (top != null && keepText.contains(top.name())) {
                top.appendText(ch, start, length);
            }
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void elementDecl(String name, String model) {
        }

        @Override
        public void attributeDecl(String eName, String aName, String type, String mode, String value) {
        }

        @Override
        public void internalEntityDecl(String name, String value) throws SAXException {
            throw new SAXException("entity declarations are not allowed (entity '" + name + "')");
        }

        @Override
        public void externalEntityDecl(String name, String publicId, String systemId) throws SAXException {
            throw new SAXException("external entities are not allowed (entity '" + name + "' -> " + systemId + ")");
        }
    }
}
