package nndl.grade;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileTest {
    @Test
    void parsesQuickAndFullWithFullAsDefault() {
        assertEquals(Profile.FULL, Profile.parse(null));
        assertEquals(Profile.FULL, Profile.parse("  "));
        assertEquals(Profile.QUICK, Profile.parse("quick"));
        assertEquals(Profile.QUICK, Profile.parse(" Quick "));
        assertEquals(Profile.FULL, Profile.parse("full"));
    }

    @Test
    void anythingElseIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Profile.parse("fast"));
        assertEquals("NNDL_PROFILE must be 'quick' or 'full' (default full), not 'fast'", e.getMessage());
    }

    @Test
    void pickFollowsTheCurrentProfile() {
        boolean quick = Profile.current() == Profile.QUICK;
        assertEquals(quick ? 200 : 1000, Profile.pick(200, 1000));
        assertEquals(quick ? 0.5 : 0.95, Profile.pick(0.5, 0.95));
        assertEquals(quick ? List.of(1e-3) : List.of(1e-3, 5e-4), Profile.pick(List.of(1e-3), List.of(1e-3, 5e-4)));
    }

    @Test
    void headerLineSaysWhereTheProfileCameFrom() {
        assertEquals("Profile: quick (NNDL_PROFILE=quick)", Profile.headerLine("quick", "quick"));
        assertEquals("Profile: full (NNDL_PROFILE not set, default)", Profile.headerLine("full", null));
    }

    @Test
    void runInfoRecordsNotebookProfileJavaAndDate() {
        RunInfo info = Profile.runInfo("fc_nets", Profile.QUICK);
        assertEquals("fc_nets", info.notebook());
        assertEquals("quick", info.profile());
        assertEquals(System.getProperty("java.version"), info.javaVersion());
        assertTrue(info.date().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d(:\\d\\d)?"), info.date());
        assertEquals(List.of("notebook", "profile", "java_version", "date"), List.copyOf(info.toJson().keySet()));
    }

    @Test
    void headerPrintsItsLineOutsideTheKernel() {
        java.io.PrintStream original = System.out;
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(bytes, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            RunInfo info = Profile.header("two_layer_nn");
            assertEquals(Profile.current().label(), info.profile());
        } finally {
            System.setOut(original);
        }
        assertTrue(bytes.toString(java.nio.charset.StandardCharsets.UTF_8).startsWith("Profile: " + Profile.current().label() + " ("));
    }
}
