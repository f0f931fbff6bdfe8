package nndl.grade;

import java.util.Map;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;

/**
 * Shows a record as one Jupyter display_data (text/plain + a JSON MIME type) when the code runs
 * inside the Java kernel, and prints the text line otherwise. jjava-jupyter is a provided
 * dependency: from a plain {@code java} command its classes are absent, so they are only touched
 * through {@link Bridge} after checking that they can be loaded.
 */
final class KernelDisplay {
    private static final boolean KERNEL_CLASSES_PRESENT = kernelClassesPresent();

    private KernelDisplay() {
    }

    private static boolean kernelClassesPresent() {
        try {
            Class.forName("org.dflib.jjava.jupyter.kernel.BaseKernel", false, KernelDisplay.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Displays {@code text} with {@code json} under {@code mimeType} in the running notebook, or
     * prints {@code text} to stdout when there is no notebook kernel.
     */
    static void show(String text, String mimeType, Map<String, Object> json) {
        if (!(KERNEL_CLASSES_PRESENT && Bridge.display(text, mimeType, json))) {
            System.out.println(text);
        }
    }

    /** The only code touching jjava-jupyter types; loaded lazily, after the presence check. */
    static final class Bridge {
        private Bridge() {
        }

        static boolean display(String text, String mimeType, Map<String, Object> json) {
            BaseKernel kernel = runningKernel();
            if (kernel == null) {
                return false;
            }
            kernel.display(displayData(text, mimeType, json));
            return true;
        }

        /** Returns the kernel this code runs in, or null when the classes are loaded but no notebook is running. */
        private static BaseKernel runningKernel() {
            try {
                return BaseKernel.notebookKernel();
            } catch (NullPointerException e) {
                // jjava-jupyter 1.0-a6 reports "No kernel running" with requireNonNull instead of returning null.
                return null;
            }
        }

        /**
         * Builds the display data. The JSON goes in as a map of JDK values, which the kernel's Gson
         * writes as a JSON object (a Gson JsonObject from the notebook's class loader might not be
         * recognised by the kernel's own Gson).
         */
        static DisplayData displayData(String text, String mimeType, Map<String, Object> json) {
            DisplayData data = new DisplayData(text);
            data.putData(mimeType, json);
            return data;
        }
    }
}
