package nndl.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * {@code ./workbook bench --full}: the five notebooks executed with {@code NNDL_PROFILE=full} on
 * full-size data, timed, with the peak resident memory of their kernels. Without the official archive
 * the data is the course's CIFAR-10 subset <em>tiled</em> to CIFAR-10's size (each training batch's
 * records repeated to 10,000, the test batch likewise), written under {@code build/} and labelled so;
 * MNIST is the subset as it is (the notebook samples 2,000 + 1,000 images whatever the file holds).
 * Times are of the same computation as on the real data (same shapes); accuracies are not.
 */
final class FullNotebooks {
    /** Records per CIFAR-10 batch file in the official archive. */
    static final int RECORDS_PER_BATCH = 10_000;
    /** Bytes per CIFAR-10 record: the label and 3,072 pixels. */
    static final int RECORD_BYTES = 1 + 3072;
    /** The notebooks in the order ./workbook run executes them (the launcher's NOTEBOOKS). */
    static final List<String> NOTEBOOKS =
            List.of("two_layer_nn", "fc_nets", "mnist_multilayer", "backprop_exercises", "momentum_training");
    private static final List<String> CIFAR_FILES = List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin",
            "data_batch_4.bin", "data_batch_5.bin", "test_batch.bin");

    /**
     * The outcome of one run.
     *
     * @param seconds     wall time of the five notebooks (kernel start-ups included)
     * @param peakRssKiB  the largest VmHWM seen of a kernel process, KiB (0 when none was seen)
     * @param exitStatus  the notebook runner's exit status (0: every cell ran)
     * @param data        what data the notebooks ran on, one line
     */
    record Outcome(double seconds, long peakRssKiB, int exitStatus, String data) {
    }

    private FullNotebooks() {
    }

    /**
     * Writes {@code root/cifar-10-batches-bin/} with each of the subset's batch files tiled to 10,000
     * records, a {@code TILED.txt} saying so, and a copy of the MNIST folder; reuses them when present.
     *
     * @param cifarSubset folder of the CIFAR-10 subset (batch files)
     * @param mnist       folder of MNIST (copied as {@code mnist-subset/}, or null to leave out)
     * @param root        the data root to write (e.g. build/bench-full-data)
     * @return the data root
     */
    static Path tile(Path cifarSubset, Path mnist, Path root) throws IOException {
        Path cifar = root.resolve("cifar-10-batches-bin");
        Files.createDirectories(cifar);
        for (String file : CIFAR_FILES) {
            Path target = cifar.resolve(file);
            if (!Files.isRegularFile(target) || Files.size(target) != (long) RECORDS_PER_BATCH * RECORD_BYTES) {
                tileFile(cifarSubset.resolve(file), target);
            }
        }
        Path meta = cifarSubset.resolve("batches.meta.txt");
        if (Files.isRegularFile(meta)) {
            Files.copy(meta, cifar.resolve("batches.meta.txt"), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.writeString(cifar.resolve("TILED.txt"), "NOT the official CIFAR-10: each batch file is the records of "
                + cifarSubset.toAbsolutePath() + " repeated to " + RECORDS_PER_BATCH + " records, written by ./workbook bench --full"
                + " so that the full profile runs on full-size data. Times on it are of the real shapes; accuracies mean nothing.\n");
        if (mnist != null) {
            Path out = root.resolve("mnist-subset");
            Files.createDirectories(out);
            try (Stream<Path> files = Files.list(mnist)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, out.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return root;
    }

    /** {@code source}'s whole records repeated in order until there are 10,000. */
    static void tileFile(Path source, Path target) throws IOException {
        byte[] records = Files.readAllBytes(source);
        int count = records.length / RECORD_BYTES;
        if (count == 0) {
            throw new IOException(source + " holds no whole CIFAR-10 record");
        }
        byte[] out = new byte[RECORDS_PER_BATCH * RECORD_BYTES];
        for (int r = 0; r < RECORDS_PER_BATCH; r++) {
            System.arraycopy(records, (r % count) * RECORD_BYTES, out, r * RECORD_BYTES, RECORD_BYTES);
        }
        Path partial = target.resolveSibling(target.getFileName() + ".partial");
        Files.write(partial, out);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Executes the notebooks through the project's runner with {@code NNDL_PROFILE=full} and
     * {@code NNDL_DATA=dataRoot}, polling its kernel processes' peak resident memory twice a second.
     * The kernelspec must be installed (the launcher does it) and JUPYTER_PATH set.
     *
     * @param python   interpreter with Jupyter
     * @param project  the project root (notebooks/, launcher/src/main/python/run_notebooks.py)
     * @param dataRoot the data root
     * @param out      folder for the executed copies (replaced)
     * @param data     the data's one-line description, kept in the outcome
     */
    static Outcome run(String python, Path project, Path dataRoot, Path out, String data) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python, "-Xfrozen_modules=off",
                project.resolve("launcher/src/main/python/run_notebooks.py").toString()));
        NOTEBOOKS.forEach(n -> command.add(project.resolve("notebooks/" + n + ".ipynb").toString()));
        command.addAll(List.of("--out", out.toString(), "--quiet"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("NNDL_PROFILE", "full");
        builder.environment().put("NNDL_DATA", dataRoot.toAbsolutePath().toString());
        long start = System.nanoTime();
        Process runner = builder.start();
        AtomicLong peak = new AtomicLong();
        Thread poller = new Thread(() -> pollPeak(runner, peak), "bench-rss-poller");
        poller.setDaemon(true);
        poller.start();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(runner.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                System.out.println("  | " + line);
                System.out.flush();
            }
        }
        int status = runner.waitFor();
        double seconds = (System.nanoTime() - start) * 1e-9;
        poller.interrupt();
        poller.join(2000);
        return new Outcome(seconds, peak.get(), status, data);
    }

    private static void pollPeak(Process runner, AtomicLong peak) {
        while (runner.isAlive()) {
            runner.descendants().filter(FullNotebooks::isKernel).forEach(p -> peak.accumulateAndGet(peakKiB(p.pid()), Math::max));
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static boolean isKernel(ProcessHandle process) {
        try {
            String cmdline = Files.readString(Path.of("/proc/" + process.pid() + "/cmdline"), StandardCharsets.ISO_8859_1);
            return cmdline.contains("nndl-kernel.jar") && cmdline.contains("java");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** VmHWM of process {@code pid} in KiB, 0 when unreadable (e.g. it has ended). */
    static long peakKiB(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // Gone or unreadable: nothing to add.
        }
        return 0;
    }
}
