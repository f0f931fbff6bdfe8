package nndl.kernel.testext;

import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;

/** Registers an HTML renderer for {@link Grid}, as the library's extension does for tables. */
public final class GridExtension implements Extension {
    @Override
    public void install(BaseKernel kernel) {
        kernel.getRenderer()
                .createRegistration(Grid.class)
                .preferring(MIMEType.TEXT_HTML)
                .register((grid, context) -> context.renderIfRequested(MIMEType.TEXT_HTML, grid::html));
    }
}
