package nndl.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import nndl.data.DataSplits;
import nndl.data.OfficialCifar10;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeTest {
    private static final List<String> SPEC_FIELDS =
            List.of("id", "notebook", "value", "threshold", "passed", "points", "earned", "status");

    /** Runs {@code action} with stdout captured; returns what it printed and its result. */
    private static <T> Map.Entry<String, T> captured(Supplier<T> action) {
        PrintStream original = System.out;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        try {
            T result = action.get();
            return Map.entry(bytes.toString(StandardCharsets.UTF_8), result);
        } finally {
            System.setOut(original);
        }
    }

    @TempDir
    static Path official;

    /**
     * Splits of the seed's full size; {@code full} puts them in a folder whose batch files match an
     * OFFICIAL.sha256 manifest (as the downloader writes one after checking the archive's MD5).
     */
    private static DataSplits splits(String source, boolean full) {
        DMatrixRMaj x = new DMatrixRMaj(DataSplits.FULL_TRAINING_ROWS, 1);
        int[] y = new int[x.numRows];
        return new DataSplits(x, y, x, y, x, y, source, full ? officialFolder() : null);
    }

    private static Path officialFolder() {
        try {
            StringBuilder manifest = new StringBuilder();
            for (String name : List.of("data_batch_1.bin", "data_batch_2.bin", "data_batch_3.bin", "data_batch_4.bin",
                    "data_batch_5.bin", "test_batch.bin")) {
                byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
                Files.write(official.resolve(name), bytes);
                manifest.append(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
                        .append("  ").append(name).append('\n');
            }
            Files.writeString(official.resolve(OfficialCifar10.MANIFEST), manifest);
            return official;
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void checkOutsideTheKernelPrintsTheHumanLineAndReturnsTheRecord() {
        Map.Entry<String, GradeResult> run = captured(() -> Grade.check("two_layer_nn.toy_scores", 3.38e-8));
        assertEquals("✓ two_layer_nn.toy_scores: 3.38e-08 < 1e-07 — 4/4 points" + System.lineSeparator(), run.getKey());
        GradeResult result = run.getValue();
        assertEquals("two_layer_nn.toy_scores", result.id());
        assertEquals("two_layer_nn", result.notebook());
        assertEquals(3.38e-8, result.value());
        assertEquals(1e-7, result.threshold());
        assertTrue(result.passed());
        assertEquals(4, result.points());
        assertEquals(4.0, result.earned());
        assertEquals(GradeResult.Status.GRADED, result.status());
    }

    @Test
    void aFailingCheckEarnsNothingAndSaysWhatWasNeeded() {
        Map.Entry<String, GradeResult> run = captured(() -> Grade.check("two_layer_nn.toy_loss", 2.5e-3));
        assertEquals("✗ two_layer_nn.toy_loss: 0.0025, needs < 1e-12 — 0/3 points", run.getKey().strip());
        assertFalse(run.getValue().passed());
        assertEquals(0.0, run.getValue().earned());
    }

    @Test
    void jsonHasExactlyTheSpecFields() {
        GradeResult result = captured(() -> Grade.check("fc_nets.overfit", 1.0)).getValue();
        JsonObject json = JsonParser.parseString(result.toJsonString()).getAsJsonObject();
        assertEquals(SPEC_FIELDS, List.copyOf(json.keySet()));
        assertEquals("graded", json.get("status").getAsString());
        assertEquals(2, json.get("points").getAsInt());
        assertEquals(result, GradeResult.fromJson(json));
    }

    @Test
    void jsonWithDataAddsTheDatasetAndMarksFullOnlyChecksNotGraded() {
        DataSplits subset = splits("cifar-10-subset (5170 train + 1017 test records)", false);
        Map.Entry<String, GradeResult> run = captured(() -> Grade.check("two_layer_nn.sgd_val_acc", 0.29, subset));
        GradeResult result = run.getValue();
        assertEquals(GradeResult.Status.NOT_GRADED_ON_THIS_DATA, result.status());
        assertEquals(0.0, result.earned());
        assertTrue(result.passed(), "passed still reports the comparison");
        assertEquals("– two_layer_nn.sgd_val_acc: 0.29 ≥ 0.27 — not graded on this data (cifar-10-subset (5170 train + 1017 test records))",
                run.getKey().strip());
        JsonObject json = JsonParser.parseString(result.toJsonString()).getAsJsonObject();
        List<String> expected = new java.util.ArrayList<>(SPEC_FIELDS);
        expected.add("dataset");
        assertEquals(expected, List.copyOf(json.keySet()));
        assertEquals("not-graded-on-this-data", json.get("status").getAsString());
        assertEquals(subset.source(), json.get("dataset").getAsString());
    }

    @Test
    void fullOnlyChecksAreGradedOnTheFullDataset() {
        GradeResult result = captured(() -> Grade.check("two_layer_nn.test_acc", 0.49, splits("cifar-10-batches-bin", true))).getValue();
        assertEquals(GradeResult.Status.GRADED, result.status());
        assertEquals(3.0, result.earned());
    }

    @Test
    void tuningRampGivesPartialCredit() {
        DataSplits full = splits("cifar-10-batches-bin (50000 train + 10000 test records)", true);
        assertEquals(5.0, captured(() -> Grade.check("two_layer_nn.tuning", 0.39, full)).getValue().earned());
        assertEquals(10.0, captured(() -> Grade.check("two_layer_nn.tuning", 0.50, full)).getValue().earned());
        assertEquals(10.0, captured(() -> Grade.check("two_layer_nn.tuning", 0.513, full)).getValue().earned());
        assertEquals(0.0, captured(() -> Grade.check("two_layer_nn.tuning", 0.25, full)).getValue().earned());
        GradeResult partial = captured(() -> Grade.check("two_layer_nn.tuning", 0.39, full)).getValue();
        assertFalse(partial.passed());
        assertEquals(0.5, partial.threshold());
        assertEquals("◐ two_layer_nn.tuning: 0.39 (ramp 0.28 → 0.5) — 5/10 points", partial.humanLine());
    }

    @Test
    void nanNeverPassesAndIsWrittenAsAString() {
        GradeResult result = captured(() -> Grade.check("mnist_multilayer.relu", Double.NaN)).getValue();
        assertFalse(result.passed());
        assertEquals("NaN", result.toJson().get("value"));
        GradeResult back = GradeResult.fromJson(JsonParser.parseString(result.toJsonString()).getAsJsonObject());
        assertTrue(Double.isNaN(back.value()));
    }

    @Test
    void unknownIdNamesTheClosestIds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Grade.check("two_layer_nn.toy_score", 1e-9));
        assertTrue(e.getMessage().contains("Unknown grade check id 'two_layer_nn.toy_score'"), e.getMessage());
        assertTrue(e.getMessage().contains("two_layer_nn.toy_scores"), e.getMessage());
        IllegalArgumentException bare = assertThrows(IllegalArgumentException.class, () -> Grade.check("relu_der", 0));
        assertTrue(bare.getMessage().contains("closest known ids: mnist_multilayer.relu_der"), bare.getMessage());
    }

    @Test
    void aLabelNeverMakesDataCountAsFull() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Grade.check("two_layer_nn.tuning", 0.9, "cifar-10-batches-bin (50000 train + 10000 test records)"));
        assertTrue(e.getMessage().contains("full CIFAR-10 dataset only"), e.getMessage());
        DataSplits declared = new DataSplits(new DMatrixRMaj(49_000, 1), new int[49_000], new DMatrixRMaj(1, 1), new int[1],
                new DMatrixRMaj(1, 1), new int[1], "cifar-10-batches-bin (50000 train + 10000 test records)", null);
        assertEquals(GradeResult.Status.NOT_GRADED_ON_THIS_DATA,
                captured(() -> Grade.check("two_layer_nn.tuning", 0.9, declared)).getValue().status());
    }

    @Test
    void negativeOrInfiniteErrorsNeverPass() {
        assertEquals(0.0, captured(() -> Grade.check("two_layer_nn.toy_loss", -1.0)).getValue().earned());
        assertEquals(0.0, captured(() -> Grade.check("two_layer_nn.toy_loss", Double.NEGATIVE_INFINITY)).getValue().earned());
        assertEquals(0.0, captured(() -> Grade.check("fc_nets.overfit", Double.POSITIVE_INFINITY)).getValue().earned());
        assertEquals(3.0, captured(() -> Grade.check("two_layer_nn.toy_loss", 0.0)).getValue().earned());
    }

    @Test
    void fullOnlyCheckWithoutDataIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Grade.check("fc_nets.solver_val_acc", 0.52));
        assertTrue(e.getMessage().contains("Grade.check(\"fc_nets.solver_val_acc\", value, data)"), e.getMessage());
    }

    @Test
    void kernelDisplayDataSerialisesTheGradeAsAJsonObject() {
        GradeResult result = Rubric.get("two_layer_nn.toy_scores").evaluate(3.38e-8, true, "toy");
        Object displayData = KernelDisplay.Bridge.displayData(result.humanLine(), GradeResult.MIME_TYPE, result.toJson());
        // jjava-jupyter serialises display data with Gson, reflecting over its data map.
        JsonObject message = new Gson().toJsonTree(displayData).getAsJsonObject();
        JsonObject data = message.getAsJsonObject("data");
        assertEquals(result.humanLine(), data.get("text/plain").getAsString());
        assertTrue(data.get(GradeResult.MIME_TYPE).isJsonObject(), "grade must be a JSON object, not a string: " + data);
        assertEquals(result, GradeResult.fromJson(data.getAsJsonObject(GradeResult.MIME_TYPE)));
    }
}
