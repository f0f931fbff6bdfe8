package nndl.report;

import java.awt.Color;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/** A piece of a paragraph: a run of styled text, an inline picture (rendered math) or a line break. */
sealed interface Inline {

    /** How a run of text is drawn; {@code slanted} fakes italic by shearing the upright face. */
    record Style(PDType0Font font, float size, Color color, Color background, boolean slanted) {
        Style withFont(PDType0Font newFont) {
            return new Style(newFont, size, color, background, slanted);
        }

        Style withSize(float newSize) {
            return new Style(font, newSize, color, background, slanted);
        }

        Style withColor(Color newColor) {
            return new Style(font, size, newColor, background, slanted);
        }

        Style withBackground(Color newBackground) {
            return new Style(font, size, color, newBackground, slanted);
        }

        Style withSlant(boolean newSlanted) {
            return new Style(font, size, color, background, newSlanted);
        }

        /** Distance from the baseline to the top of the tallest glyphs. */
        float ascent() {
            return size * 0.93f;
        }

        /** Distance from the baseline to the bottom of the descenders. */
        float descent() {
            return size * 0.24f;
        }
    }

    /** Text drawn in one style; may contain spaces (break opportunities) but no newlines. */
    record Run(String text, Style style) implements Inline {
    }

    /**
     * An image sitting on the baseline with {@code depth} points below it (math, like TeX's boxes);
     * a {@code display} picture alone on its line is centred.
     */
    record Picture(PDImageXObject image, float width, float height, float depth, String altText, boolean display)
            implements Inline {
    }

    /** A forced line break. */
    record Break() implements Inline {
    }
}
