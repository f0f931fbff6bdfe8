package nndl.kernel;

import java.util.ArrayList;
import java.util.List;
import nndl.kernel.errors.CellFailure;
import nndl.kernel.errors.ErrorReport;

/** Turns anything a cell threw into what the notebook shows. */
final class KernelErrors {
    private KernelErrors() {
    }

    /**
     * The report for {@code e}: a {@link CellFailure} knows its own (in the user's terms);
     * anything else is a fault of the kernel and shows its full stack, to be reported.
     */
    static ErrorReport report(Throwable e) {
        if (e instanceof CellFailure failure) {
            return failure.report();
        }
        List<String> lines = new ArrayList<>();
        lines.add("Kernel error (please report): " + e);
        for (StackTraceElement frame : e.getStackTrace()) {
            lines.add("    at " + frame);
        }
        return new ErrorReport(e.getClass().getSimpleName(), e.getMessage() == null ? "" : e.getMessage(), lines);
    }
}
