package nndl.kernel.errors;

/**
 * A failure whose notebook report was written where it was detected (the library's hot reload,
 * {@code nndl.kernel.reload}): a compile error in a library file, or a change that needs a restart.
 */
public final class ReportedFailure extends CellFailure {
    private static final long serialVersionUID = 1L;
    private final transient ErrorReport report;

    /** A failure that shows {@code report}; its value is the summary. */
    public ReportedFailure(ErrorReport report) {
        super(report.value());
        this.report = report;
    }

    @Override
    public ErrorReport report() {
        return report;
    }
}
