// Shared setup of every notebook, run by its first cell after the two %classpath lines:
// the imports the notebooks use beyond JShell's defaults (a stock JJava kernel lacks
// java.util.stream, java.util.function and java.nio.file among its defaults).
import java.nio.file.*;
import java.util.function.*;
import java.util.stream.*;
import static nndl.random.NpRandom.*;
import nndl.data.*;
import nndl.grade.*;
import nndl.util.*;
import nndl.viz.*;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
