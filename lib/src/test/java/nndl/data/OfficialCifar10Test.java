package nndl.data;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficialCifar10Test {
    @TempDir
    Path folder;

    private void writeBatches(String content) throws IOException {
        for (String name : OfficialCifar10.batchFiles()) {
            Files.writeString(folder.resolve(name), content + name);
        }
    }

    @Test
    void aRecordedFolderIsOfficialUntilAFileChanges() throws IOException {
        writeBatches("records of ");
        OfficialCifar10.record(folder);
        assertTrue(OfficialCifar10.verified(folder));
        Files.writeString(folder.resolve("data_batch_3.bin"), "records repeated to look complete");
        assertFalse(OfficialCifar10.verified(folder), "a changed batch file no longer matches its hash");
    }

    @Test
    void withoutAManifestNothingIsOfficialWhateverItsSize() throws IOException {
        writeBatches("x".repeat(3073));
        assertFalse(OfficialCifar10.verified(folder));
        assertFalse(OfficialCifar10.verified(null));
    }

    @Test
    void aManifestMissingAFileIsNotOfficial() throws IOException {
        writeBatches("records of ");
        OfficialCifar10.record(folder);
        String manifest = Files.readString(folder.resolve(OfficialCifar10.MANIFEST));
        Files.writeString(folder.resolve(OfficialCifar10.MANIFEST), manifest.replaceAll("(?m)^.*test_batch.bin\\R", ""));
        assertFalse(OfficialCifar10.verified(folder));
    }
}
