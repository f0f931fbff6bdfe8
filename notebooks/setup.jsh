// Shared setup of every notebook, run by its first cell after the two %classpath lines: the
// imports the notebooks use beyond JShell's defaults (a stock JJava kernel lacks
// java.util.stream, java.util.function and java.nio.file among its defaults), one list for all
// of them, so that every first cell is the same three lines. No two of these import the same
// simple name.
import java.nio.file.*;
import java.util.function.*;
import java.util.stream.*;
import static nndl.gradcheck.GradientCheck.*;
import static nndl.layers.Affine.*;
import static nndl.layers.LayerUtils.*;
import static nndl.layers.Losses.*;
import static nndl.layers.Relu.*;
import static nndl.multilayer.Activations.*;
import static nndl.multilayer.MultiLayer.*;
import static nndl.random.NpRandom.*;
import static nndl.util.Matrices.*;
import nndl.data.*;
import nndl.grade.*;
import nndl.gradcheck.GradientCheck;
import nndl.layers.Losses;
import nndl.layers.SmoothActivations;
import nndl.multilayer.*;
import nndl.nets.*;
import nndl.neuralnet.*;
import nndl.optim.*;
import nndl.pa2.*;
import nndl.solver.*;
import nndl.util.*;
import nndl.viz.*;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.NormOps_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.simple.SimpleMatrix;
