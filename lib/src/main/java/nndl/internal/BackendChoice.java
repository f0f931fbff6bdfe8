package nndl.internal;

import java.util.Locale;
import java.util.function.Supplier;

/**
 * The start-up decision between native BLAS and EJML, with the line announcing it.
 *
 * @param backend      the chosen backend
 * @param announcement one line saying which backend runs the products and why
 * @param warning      whether the line is a warning (native BLAS wanted but not loaded: products are
 *                     slower), printed on stderr; otherwise it is information, printed on stdout so that a
 *                     notebook shows it as ordinary output rather than as an error
 */
record BackendChoice(GemmBackend backend, String announcement, boolean warning) {

    /**
     * Chooses the backend.
     *
     * @param forcedBy the setting forcing a choice, as NAME=value with value native, java or auto; null for auto
     * @param loader   loads the native BLAS; not called when java is forced, so nothing native is touched then
     * @throws IllegalStateException for an unknown value, or native forced while it did not load
     */
    static BackendChoice decide(String forcedBy, Supplier<NativeGemm.Loaded> loader) {
        String value = forcedBy == null ? "auto" : forcedBy.substring(forcedBy.indexOf('=') + 1).toLowerCase(Locale.ROOT);
        GemmBackend ejml = EjmlGemm.INSTANCE;
        if (value.equals("java")) {
            return new BackendChoice(ejml, "nndl: matrix products on " + ejml.description() + " (forced by " + forcedBy + ")", false);
        }
        if (!value.equals("native") && !value.equals("auto")) {
            throw new IllegalStateException("nndl: " + forcedBy + " is not one of native, java, auto");
        }
        NativeGemm.Loaded loaded = loader.get();
        GemmBackend nativeBlas = loaded.backend();
        return switch (value) {
            case "native" -> {
                if (nativeBlas == null) {
                    throw new IllegalStateException("nndl: " + forcedBy + " but native BLAS is not available: " + loaded.problem());
                }
                yield new BackendChoice(nativeBlas, "nndl: matrix products on native BLAS, " + nativeBlas.description()
                        + " (forced by " + forcedBy + ")", false);
            }
            default -> nativeBlas == null
                    ? new BackendChoice(ejml, "nndl: native BLAS not available (" + loaded.problem() + "); using " + ejml.description(), true)
                    : new BackendChoice(nativeBlas, "nndl: matrix products on native BLAS, " + nativeBlas.description(), false);
        };
    }
}
