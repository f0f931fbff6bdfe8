package nndl.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The report's embedded TrueType fonts: DejaVu Sans (regular, bold) and DejaVu Sans Mono (regular,
 * bold) from Debian's fonts-dejavu-core. Italic is drawn by slanting the regular face, so no other
 * font package is needed. Characters the fonts lack are drawn as '?' instead of failing the report.
 */
final class Fonts {
    /** Where Debian installs fonts-dejavu-core. */
    static final Path DEFAULT_DIR = Path.of("/usr/share/fonts/truetype/dejavu");
    /** Overrides {@link #DEFAULT_DIR} (a folder holding the four files below). */
    static final String DIR_PROPERTY = "nndl.fontDir";

    private static final List<String> FILES =
            List.of("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansMono.ttf", "DejaVuSansMono-Bold.ttf");

    final PDType0Font sans;
    final PDType0Font sansBold;
    final PDType0Font mono;
    final PDType0Font monoBold;
    private final Map<PDType0Font, Map<Integer, Float>> advances = new HashMap<>();

    private Fonts(PDType0Font sans, PDType0Font sansBold, PDType0Font mono, PDType0Font monoBold) {
        this.sans = sans;
        this.sansBold = sansBold;
        this.mono = mono;
        this.monoBold = monoBold;
    }

    /**
     * Loads and embeds (as subsets) the four DejaVu faces into {@code document}.
     *
     * @throws IllegalStateException naming the missing files and the package that provides them
     */
    static Fonts load(PDDocument document) throws IOException {
        Path dir = Path.of(System.getProperty(DIR_PROPERTY, DEFAULT_DIR.toString()));
        List<String> missing = new ArrayList<>();
        for (String file : FILES) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                missing.add(dir.resolve(file).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The report needs the DejaVu fonts, but " + String.join(", ", missing)
                    + (missing.size() == 1 ? " is" : " are") + " missing. Install them with: "
                    + "sudo apt-get install -y fonts-dejavu-core (or run with -D" + DIR_PROPERTY
                    + "=<folder holding " + String.join(", ", FILES) + ">)");
        }
        return new Fonts(PDType0Font.load(document, dir.resolve(FILES.get(0)).toFile()),
                PDType0Font.load(document, dir.resolve(FILES.get(1)).toFile()),
                PDType0Font.load(document, dir.resolve(FILES.get(2)).toFile()),
                PDType0Font.load(document, dir.resolve(FILES.get(3)).toFile()));
    }

    /**
     * Returns {@code text} with every character {@code font} cannot draw replaced by '?', tabs by a
     * space and other control characters dropped.
     */
    String printable(PDType0Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            if (cp == '\t') {
                out.append(' ');
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT) {
                return;
            } else {
                out.appendCodePoint(advance(font, cp) < 0 ? '?' : cp);
            }
        });
        return out.toString();
    }

    /** Returns the width of {@code text} (already {@link #printable}) at {@code size} points. */
    float width(PDType0Font font, String text, float size) {
        float units = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            float advance = advance(font, cp);
            units += advance < 0 ? advance(font, '?') : advance;
            i += Character.charCount(cp);
        }
        return units / 1000f * size;
    }

    /** Returns the advance of {@code cp} in font units, or -1 when the font has no glyph for it. */
    private float advance(PDType0Font font, int cp) {
        return advances.computeIfAbsent(font, f -> new HashMap<>()).computeIfAbsent(cp, c -> {
            try {
                return font.getStringWidth(new String(Character.toChars(c)));
            } catch (IOException | IllegalArgumentException e) {
                return -1f;
            }
        });
    }
}
