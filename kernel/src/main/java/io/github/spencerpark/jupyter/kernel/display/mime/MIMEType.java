package io.github.spencerpark.jupyter.kernel.display.mime;

/**
 * IJava's MIME type constants, for notebooks registering renderers with IJava's imports
 * ({@code .preferring(MIMEType.IMAGE_PNG)}): each is one of JJava's {@code MIMEType}s, so it goes
 * wherever JJava's renderer API takes one.
 */
public class MIMEType extends org.dflib.jjava.jupyter.kernel.display.mime.MIMEType {
    public static final MIMEType ANY = new MIMEType("*", null, "*", null);
    public static final MIMEType APPLICATION_XML = parse("application/xml");
    public static final MIMEType APPLICATION_JSON = parse("application/json");
    public static final MIMEType APPLICATION_JAVASCRIPT = parse("application/javascript");
    public static final MIMEType APPLICATION_PDF = parse("application/pdf");
    public static final MIMEType TEXT_HTML = parse("text/html");
    public static final MIMEType TEXT_MARKDOWN = parse("text/markdown");
    public static final MIMEType TEXT_LATEX = parse("text/latex");
    public static final MIMEType TEXT_PLAIN = parse("text/plain");
    public static final MIMEType TEXT_CSS = parse("text/css");
    public static final MIMEType IMAGE_PNG = parse("image/png");
    public static final MIMEType IMAGE_JPEG = parse("image/jpeg");
    public static final MIMEType IMAGE_GIF = parse("image/gif");
    public static final MIMEType IMAGE_SVG = parse("image/svg+xml");

    /** The type {@code group/tree.subtype+suffix}; {@code tree} and {@code suffix} may be null. */
    public MIMEType(String group, String tree, String subtype, String suffix) {
        super(group, tree, subtype, suffix);
    }

    /**
     * Parses {@code raw}, e.g. {@code image/svg+xml}.
     *
     * @throws org.dflib.jjava.jupyter.kernel.display.mime.MIMETypeParseException if it is not a MIME type
     */
    public static MIMEType parse(String raw) {
        org.dflib.jjava.jupyter.kernel.display.mime.MIMEType parsed =
                org.dflib.jjava.jupyter.kernel.display.mime.MIMEType.parse(raw);
        return new MIMEType(parsed.getGroup(), parsed.getTree(), parsed.getSubtype(), parsed.getSuffix());
    }
}
