package nndl.util;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class PyFloatTest {

    /** Expected strings printed by CPython 3.11's repr() for the same doubles (given here by their bits). */
    @Test
    void matchesPythonRepr() {
        assertEquals("1e-05", PyFloat.repr(0x1.4f8b588e368f1p-17));
        assertEquals("0.0001", PyFloat.repr(0x1.a36e2eb1c432dp-14));
        assertEquals("9.999999999999999e-05", PyFloat.repr(0x1.a36e2eb1c432cp-14));
        assertEquals("5e-05", PyFloat.repr(0x1.a36e2eb1c432dp-15));
        assertEquals("1e+16", PyFloat.repr(0x1.1c37937e08000p+53));
        assertEquals("1000000000000000.0", PyFloat.repr(0x1.c6bf526340000p+49));
        assertEquals("1e+22", PyFloat.repr(0x1.0f0cf064dd592p+73));
        assertEquals("1.2345678901234568e+17", PyFloat.repr(0x1.b69b4ba630f35p+56));
        assertEquals("123.0", PyFloat.repr(123.0));
        assertEquals("-2.5e-300", PyFloat.repr(-0x1.ac9a7b3b7302fp-996));
        assertEquals("0.1", PyFloat.repr(0.1));
        assertEquals("0.95", PyFloat.repr(0.95));
        assertEquals("0.3333333333333333", PyFloat.repr(1.0 / 3.0));
        assertEquals("2.302757518613176", PyFloat.repr(0x1.26c0c22487e5ep+1));
        assertEquals("3.381231233889892e-08", PyFloat.repr(0x1.22720fa800000p-25));
        assertEquals("5e-324", PyFloat.repr(Double.MIN_VALUE));
        assertEquals("1.7976931348623157e+308", PyFloat.repr(Double.MAX_VALUE));
    }

    @Test
    void specialValues() {
        assertEquals("0.0", PyFloat.repr(0.0));
        assertEquals("-0.0", PyFloat.repr(-0.0));
        assertEquals("nan", PyFloat.repr(Double.NaN));
        assertEquals("inf", PyFloat.repr(Double.POSITIVE_INFINITY));
        assertEquals("-inf", PyFloat.repr(Double.NEGATIVE_INFINITY));
    }

    @Test
    void roundTripsRandomDoubles() {
        java.util.Random r = new java.util.Random(42);
        for (int i = 0; i < 5000; i++) {
            double v = Double.longBitsToDouble(r.nextLong());
            if (Double.isFinite(v)) {
                assertEquals(v, Double.parseDouble(PyFloat.repr(v)), 0.0, PyFloat.repr(v));
            }
        }
    }
}
