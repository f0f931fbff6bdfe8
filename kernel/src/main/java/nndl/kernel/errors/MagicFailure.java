package nndl.kernel.errors;

import java.util.List;

/** A magic that cannot run: unknown name, bad arguments, nothing matching a path. */
public final class MagicFailure extends CellFailure {
    private static final long serialVersionUID = 1L;

    /** A failure explained by {@code message}, which should name the magic. */
    public MagicFailure(String message) {
        super(message);
    }

    @Override
    public ErrorReport report() {
        return new ErrorReport("MagicError", getMessage(), List.of("MagicError: " + getMessage()));
    }
}
