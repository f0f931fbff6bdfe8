package nndl.report;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.destination.PDPageXYZDestination;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDDocumentOutline;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineItem;
import org.apache.pdfbox.pdmodel.interactive.documentnavigation.outline.PDOutlineNode;

/** The PDF outline (bookmarks): top-level entries for the cover, each notebook and the appendix. */
final class Outline {
    private final PDDocumentOutline root = new PDDocumentOutline();

    Outline(PDDocument document) {
        document.getDocumentCatalog().setDocumentOutline(root);
    }

    /** Adds a top-level entry pointing at {@code top} on {@code page}. */
    PDOutlineItem add(String title, PDPage page, float top) {
        return add(root, title, page, top);
    }

    /** Adds an entry under {@code parent} pointing at {@code top} on {@code page}. */
    PDOutlineItem add(PDOutlineNode parent, String title, PDPage page, float top) {
        PDPageXYZDestination destination = new PDPageXYZDestination();
        destination.setPage(page);
        destination.setLeft(0);
        destination.setTop(Math.round(top + 12));
        PDOutlineItem item = new PDOutlineItem();
        item.setTitle(title);
        item.setDestination(destination);
        parent.addLast(item);
        return item;
    }

    /** Opens the top level so viewers show every entry. */
    void finish() {
        root.openNode();
    }
}
