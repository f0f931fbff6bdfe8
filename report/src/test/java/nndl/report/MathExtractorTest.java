package nndl.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MathExtractorTest {
    private static String placeholder(int n) {
        return "" + MathExtractor.OPEN + n + MathExtractor.CLOSE;
    }

    @Test
    void inlineAndDisplayMathBecomePlaceholders() {
        MathExtractor.Extracted e = MathExtractor.extract("Loss $L_i = -\\log p_{y_i}$ and\n\n$$\\frac{a}{b}$$\n");
        assertEquals(List.of(new MathExtractor.Formula("L_i = -\\log p_{y_i}", false), new MathExtractor.Formula("\\frac{a}{b}", true)),
                e.formulas());
        assertEquals("Loss " + placeholder(0) + " and\n\n" + placeholder(1) + "\n", e.markdown());
    }

    @Test
    void codeEscapedDollarsAndPricesAreLeftAlone() {
        String markdown = "Use `a $x$ b` and \\$5 or $5 and $10.\n```\n$y$\n```\nafter \\(z\\)";
        MathExtractor.Extracted e = MathExtractor.extract(markdown);
        assertEquals(List.of(new MathExtractor.Formula("z", false)), e.formulas());
        assertEquals("Use `a $x$ b` and \\$5 or $5 and $10.\n```\n$y$\n```\nafter " + placeholder(0), e.markdown());
    }

    @Test
    void multiLineDisplayMathAndBareEnvironments() {
        MathExtractor.Extracted e = MathExtractor.extract("$$\na &= b \\\\\nc &= d\n$$\n\n\\begin{align} x &= 1 \\end{align}\n\n\\[ y \\]");
        assertEquals(List.of(new MathExtractor.Formula("a &= b \\\\\nc &= d", true),
                new MathExtractor.Formula("\\begin{align} x &= 1 \\end{align}", true),
                new MathExtractor.Formula("y", true)), e.formulas());
    }
}
