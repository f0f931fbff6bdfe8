package nndl.launcher;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** ./workbook kernel: the kernelspec installed into a project-local Jupyter data dir. */
@Command(name = "kernel", customSynopsis = "./workbook kernel [--java JDK] [--prefix DIR]",
        header = {"build the kernel and install its kernelspec into a project-local Jupyter data dir;",
            "prints that dir as its last line"},
        description = {"",
            "Builds the Java kernel (kernel/target/nndl-kernel.jar) if its sources changed and installs the",
            "kernelspec `java` (\"Java (nndl-workbook)\") into build/jupyter/share/jupyter, a project-local",
            "Jupyter data dir, so your own kernels are left alone. The kernel runs on the JDK given with --java",
            "(its home or its bin/java, e.g. --java /usr/lib/jvm/temurin-25-jdk-amd64), else $JAVA_HOME's,",
            "else the java on PATH; JDK 17 to 25 work. Prints the data dir as its last line:",
            "  JUPYTER_PATH=\"$(./workbook kernel | tail -n1)\" jupyter kernelspec list",
            "Kernel settings (environment, read when a kernel starts): JJAVA_JVM_OPTS (e.g. -Xmx8g),",
            "JJAVA_CLASSPATH, JJAVA_TIMEOUT, JJAVA_COMPILER_OPTS, JJAVA_STARTUP_SCRIPTS_PATH. See kernel/README.md.",
            "Takes no other options.", ""})
public final class Kernel implements Callable<Integer>, Rejects {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
    boolean help;

    @Option(names = "--java", paramLabel = "JDK", description = "the JDK the kernel runs on: its home or its bin/java")
    String java;

    @Option(names = "--prefix", paramLabel = "DIR",
            description = "install into this Jupyter prefix instead of build/jupyter (e.g. a second JDK's kernel)")
    Path prefix;

    @Override
    public String missing(String label, String option) {
        return option.equals("--java") ? "--java needs a JDK" : "kernel: " + option + " needs a value";
    }

    @Override
    public Integer call() {
        Tree tree = Workbook.tree();
        Path jdk = java == null ? null : Jdk.given(java);
        Lock.take(tree, "kernel");
        Path data = KernelSpec.install(tree, jdk, prefix);
        Say.say("kernelspec 'java' (Java (nndl-workbook)) installed in:");
        System.out.println(data);
        return 0;
    }
}
