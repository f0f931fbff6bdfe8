package nndl.kernel;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import javax.imageio.ImageIO;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/**
 * Swing and AWT components shown as {@code image/png}, as JJava shows them: painted headless into
 * an image of the component's preferred size (its current size if it has no preference), after
 * laying it out. Only lightweight components paint without a screen (Swing's {@code JPanel},
 * {@code JLabel}, ...); a window cannot even be created headless.
 */
final class ComponentImages {
    private ComponentImages() {
    }

    /** Registers the renderer for {@link Component}s on {@code renderer}. */
    static void register(Renderer renderer) {
        renderer.createRegistration(Component.class)
                .preferring(MIMEType.IMAGE_PNG)
                .supporting(MIMEType.TEXT_PLAIN)
                .register((component, context) -> {
                    context.renderIfRequested(MIMEType.IMAGE_PNG, () -> base64Png(paint(component)));
                    context.renderIfRequested(MIMEType.TEXT_PLAIN, component::toString);
                });
    }

    /**
     * {@code component} painted on a white background.
     *
     * @throws IllegalArgumentException if it has neither a preferred nor a current size
     */
    static BufferedImage paint(Component component) {
        Dimension size = component.getPreferredSize();
        if (size == null || size.width <= 0 || size.height <= 0) {
            size = component.getSize();
        }
        if (size.width <= 0 || size.height <= 0) {
            throw new IllegalArgumentException("cannot paint " + component.getClass().getName()
                    + ": it has no size (preferred " + component.getPreferredSize() + "); call setPreferredSize or setSize");
        }
        component.setSize(size);
        layOut(component);
        BufferedImage image = new BufferedImage(size.width, size.height, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, size.width, size.height);
            component.printAll(g);
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Lays out {@code component}'s children, depth first, as a shown window would. */
    private static void layOut(Component component) {
        if (component instanceof Container container) {
            container.doLayout();
            for (Component child : container.getComponents()) {
                layOut(child);
            }
        }
    }

    private static String base64Png(BufferedImage image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode the component's image as PNG: " + e.getMessage(), e);
        }
        return Base64.getEncoder().encodeToString(out.toByteArray());
    }
}
