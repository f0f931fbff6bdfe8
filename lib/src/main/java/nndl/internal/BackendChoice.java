package nndl.internal;

import java.util.Locale;

/**
 * The start-up decision between native BLAS and EJML, with the line announcing it.
 *
 * @param backend      the chosen backend
 * @param announcement one stderr line saying which backend runs the products and why
 */
record BackendChoice(GemmBackend backend, String announcement) {

    /**
     * Chooses the backend.
     *
     * @param forcedBy the setting forcing a choice, as NAME=value with value native, java or auto; null for auto
     * @param loaded   the outcome of loading the native BLAS
     * @throws IllegalStateException for an unknown value, or native forced while it did not load
     */
    static BackendChoice decide(String forcedBy, NativeGemm.Loaded loaded) {
        String value = forcedBy == null ? "auto" : forcedBy.substring(forcedBy.indexOf('=') + 1).toLowerCase(Locale.ROOT);
        GemmBackend ejml = EjmlGemm.INSTANCE;
        switch (value) {
            case "java":
                return new BackendChoice(ejml, "nndl: matrix products on " + ejml.description() + " (forced by " + forcedBy + ")");
            case "native":
                if (loaded.backend() == null) {
                    throw new IllegalStateException("nndl: " + forcedBy + " but native BLAS is not available: " + loaded.problem());
                }
                return new BackendChoice(loaded.backend(), "nndl: matrix products on native BLAS, "
                        + loaded.backend().description() + " (forced by " + forcedBy + ")");
            case "auto":
                if (loaded.backend() == null) {
                    return new BackendChoice(ejml, "nndl: native BLAS not available (" + loaded.problem() + "); using " + ejml.description());
                }
                return new BackendChoice(loaded.backend(), "nndl: matrix products on native BLAS, " + loaded.backend().description());
            default:
                throw new IllegalStateException("nndl: " + forcedBy + " is not one of native, java, auto");
        }
    }
}
