package nndl.internal;

/** Child-process entry point of {@link ForcedBackendProcessTest}: prints the active backend's name. */
public final class PrintBackend {
    private PrintBackend() {
    }

    public static void main(String[] args) {
        System.out.println(Gemm.backend().name());
    }
}
